package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the documents that attestations wrap. */
public final class AttestationInputs {
  private AttestationInputs() {}

  /** Reads a predicate: one JSON object of at most {@link SigstoreBundle#MAX_BYTES}. */
  public static JsonNode readPredicate(Path path) throws IOException, InvalidInputException {
    long size = Files.size(path);
    if (size > SigstoreBundle.MAX_BYTES) {
      throw new InvalidInputException(
          path + ": predicate is " + size + " bytes, the maximum is " + SigstoreBundle.MAX_BYTES);
    }
    return Json.parse(Files.readAllBytes(path), path.toString());
  }
}
