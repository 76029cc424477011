package dev.temper.cli;

import dev.temper.cli.args.UsageException;
import dev.temper.error.InvalidInputException;
import dev.temper.oci.Platform;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.Repository;
import dev.temper.sign.InTotoStatement;

/** Conversions that several commands share. */
final class Cli {
  /** The help of {@code --attachments} on copy, pull and push. */
  static final String ATTACHMENTS_HELP =
      "Also copy the image's cosign signatures and attestations and its OCI referrers, such as"
          + " the SBOM that temper build attaches.";

  private Cli() {}

  static Repository repository(RegistryReference reference) throws InvalidInputException {
    try {
      return new Repository(reference.registry(), reference.repository());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(reference + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the platform that a {@code --platform} value names, or null for none.
   *
   * @throws UsageException when the value is not {@code os/architecture[/variant]}, as scan, sbom
   *     and patch report it too
   */
  static Platform platform(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Platform.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Returns the in-toto predicate type that a {@code --type} value names.
   *
   * @throws UsageException when the value is neither a known name nor a URI
   */
  static String predicateType(String name) {
    try {
      return InTotoStatement.predicateTypeFor(name);
    } catch (InvalidInputException e) {
      throw new UsageException("invalid value for option '--type': " + e.getMessage());
    }
  }
}
