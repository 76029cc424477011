package dev.temper.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;

/**
 * The identity of an SBOM document, which makes two SBOMs of the same image identical: identifiers
 * derived from the image digest, the time taken from the image config, and element ids derived from
 * each element's own key.
 */
final class DocumentIdentity {
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .build();

  private final Inventory inventory;

  DocumentIdentity(Inventory inventory) {
    this.inventory = inventory;
  }

  /**
   * Returns the key the document's identifiers derive from: the manifest digest, or for a root file
   * system without one, a hash of the inventory itself.
   */
  String key() {
    if (inventory.subject().manifestDigest() != null) {
      return inventory.subject().manifestDigest();
    }
    StringBuilder content = new StringBuilder(inventory.subject().name());
    inventory.debianPackages().forEach(p -> content.append('\n').append(p));
    inventory.javaArchives().forEach(a -> content.append('\n').append(a));
    inventory.javaRuntimes().forEach(r -> content.append('\n').append(r));
    return "content:" + shortHash(content.toString(), 64);
  }

  /** Returns a version-5 UUID for this document in the given format. */
  UUID uuid(String format) {
    return NameBasedUuid.of("temper:sbom:" + format + ":" + key());
  }

  /** Returns the image's {@code created} time as UTC seconds, or the epoch when it has none. */
  String timestamp() {
    String created = inventory.subject().created();
    if (created == null) {
      return Instant.EPOCH.toString();
    }
    try {
      return OffsetDateTime.parse(created).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH.toString();
    }
  }

  /** Returns an id made of safe characters, such as {@code deb-libc6-2.36-9-1a2b3c4d}. */
  static String elementId(String kind, String name, String version, String uniqueKey) {
    String readable = kind + "-" + name + (version == null ? "" : "-" + version);
    return readable.replaceAll("[^A-Za-z0-9.-]+", "-") + "-" + shortHash(uniqueKey, 8);
  }

  static String shortHash(String text, int hexDigits) {
    byte[] hash =
        dev.temper.oci.Digest.sha256Hasher().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash).substring(0, hexDigits);
  }

  /** Returns temper's version as Maven wrote it into the jar. */
  static String toolVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        DocumentIdentity.class.getResourceAsStream("/temper-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}
