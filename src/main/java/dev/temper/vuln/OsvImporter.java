package dev.temper.vuln;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Imports OSV records from a JSON file holding one record or an array of records, from a directory
 * of such files, or from a zip archive of them such as OSV's per-ecosystem {@code all.zip}. Each
 * file or archive entry is one document: a document with a JSON syntax error is dropped whole and
 * reported, and the others are imported.
 */
final class OsvImporter {
  private final ImportSession session;
  private final ImportReport report;

  OsvImporter(ImportSession session, ImportReport report) {
    this.session = session;
    this.report = report;
  }

  /** Imports every {@code .json} file under {@code directory}, in name order. */
  void importDirectory(Path directory) throws IOException, InvalidInputException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(
                  file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        importDocument(in, file.toString());
      }
    }
  }

  /** Imports the records of a zip archive, rejecting the archive if it is unsafe. */
  void importZip(Path zip) throws IOException, InvalidInputException {
    SafeZipReader.forEachEntry(zip, (name, in) -> importDocument(in, zip + "!" + name));
  }

  /** Imports one document: a single OSV record or an array of them. */
  void importDocument(InputStream in, String name) throws IOException, InvalidInputException {
    session.beginDocument();
    long stored = 0;
    String lastId = "";
    try (JsonParser parser = JsonDocuments.open(in)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        while (JsonDocuments.next(parser) != JsonToken.END_ARRAY) {
          String id = store(parser, name);
          if (!id.isEmpty()) {
            lastId = id;
            stored++;
          }
        }
      } else if (first == JsonToken.START_OBJECT) {
        lastId = store(parser, name);
        stored += lastId.isEmpty() ? 0 : 1;
      } else {
        throw new JsonParseException(parser, "expected an OSV record or an array of records");
      }
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "unexpected content after the end of the document");
      }
      session.keepDocument();
      report.recordsStored(AdvisorySource.OSV, stored);
    } catch (JsonProcessingException e) {
      session.dropDocument();
      String where = lastId.isEmpty() ? "" : "after record " + lastId + ", ";
      report.problem(
          name,
          "",
          "malformed JSON, " + where + ParseErrors.locatedReason(e) + "; document skipped");
    }
  }

  /** Stores the record at the current token and returns its id, or empty if it was skipped. */
  private String store(JsonParser parser, String name) throws IOException, InvalidInputException {
    OsvRecordReader reader = new OsvRecordReader(name, report);
    Optional<Advisory> advisory = reader.read(JsonDocuments.readRecord(parser));
    if (advisory.isEmpty()) {
      return "";
    }
    session.replace(AdvisorySource.OSV, advisory.get());
    return advisory.get().id();
  }
}
