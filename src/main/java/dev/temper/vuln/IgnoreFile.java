package dev.temper.vuln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an ignore file:
 *
 * <pre>
 * ignore:
 *   - id: CVE-2023-4911
 *     reason: glibc tunables are not reachable, the image runs no setuid binary
 *     expires: 2026-06-30
 *     package: glibc
 * </pre>
 *
 * <p>{@code id} and {@code reason} are required. {@code expires} is a date, meaning its start in
 * UTC, or an RFC 3339 date-time. {@code package} limits the entry to one component or source
 * package. Unknown keys are rejected, because a misspelt key would silently widen what the file
 * suppresses.
 */
public final class IgnoreFile {
  private static final Set<String> KEYS = Set.of("id", "reason", "expires", "package");
  private static final long MAX_BYTES = 4L << 20;

  /** Rejects duplicate keys, so that an entry cannot carry two ids of which only one counts. */
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private IgnoreFile() {}

  /**
   * Reads the rules of an ignore file.
   *
   * @throws InvalidInputException naming the file and entry, if the YAML is invalid, an entry lacks
   *     its id or reason, has an unknown key or an invalid expiry date
   */
  public static List<IgnoreRule> read(Path file) throws IOException, InvalidInputException {
    if (Files.size(file) > MAX_BYTES) {
      throw new InvalidInputException(file + ": ignore file larger than " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw ParseErrors.invalid(file, "ignore file", e);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": invalid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.path("ignore").isArray()) {
      throw new InvalidInputException(file + ": expected a top-level 'ignore' list");
    }
    List<IgnoreRule> rules = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : root.path("ignore")) {
      rules.add(rule(file + ": ignore entry " + index++, entry));
    }
    return List.copyOf(rules);
  }

  private static IgnoreRule rule(String where, JsonNode entry) throws InvalidInputException {
    if (!entry.isObject()) {
      throw new InvalidInputException(where + " is not a mapping");
    }
    for (var names = entry.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!KEYS.contains(key)) {
        throw new InvalidInputException(where + " has an unknown key '" + key + "'");
      }
    }
    String id = entry.path("id").asText("").strip();
    String reason = entry.path("reason").asText("").strip();
    if (id.isEmpty() || reason.isEmpty()) {
      throw new InvalidInputException(where + " needs both 'id' and 'reason'");
    }
    Optional<Instant> expires = Optional.empty();
    if (entry.hasNonNull("expires")) {
      expires = Optional.of(expiry(where, entry.path("expires").asText()));
    }
    Optional<String> packageName =
        Optional.of(entry.path("package").asText("").strip()).filter(name -> !name.isEmpty());
    return new IgnoreRule(id, reason, expires, packageName);
  }

  private static Instant expiry(String where, String text) throws InvalidInputException {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          where + " has an invalid 'expires' value '" + text + "': expected YYYY-MM-DD");
    }
  }
}
