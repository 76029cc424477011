package dev.temper.debian.repository;

import dev.temper.debian.repository.ReleaseFile.FileEntry;
import dev.temper.error.InvalidInputException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds a {@link ReleaseFile} from the fields of a Release paragraph. */
final class ReleaseParser {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

  private ReleaseParser() {}

  static ReleaseFile parse(String text, String displayName) throws InvalidInputException {
    ReleaseParagraph paragraph = ReleaseParagraph.parse(text, displayName);
    Instant date = ReleaseDates.parse(paragraph.required("Date"), "Date", displayName);
    Optional<String> validUntilText = paragraph.field("Valid-Until");
    Optional<Instant> validUntil = Optional.empty();
    if (validUntilText.isPresent()) {
      validUntil =
          Optional.of(ReleaseDates.parse(validUntilText.get(), "Valid-Until", displayName));
    }
    return new ReleaseFile(
        paragraph.field("Origin").orElse(null),
        paragraph.field("Label").orElse(null),
        paragraph.field("Suite").orElse(null),
        paragraph.field("Codename").orElse(null),
        paragraph.field("Version").orElse(null),
        date,
        validUntil,
        words(paragraph.field("Architectures")),
        words(paragraph.field("Components")),
        yesNo(paragraph, "Acquire-By-Hash", displayName),
        yesNo(paragraph, "NotAutomatic", displayName),
        yesNo(paragraph, "ButAutomaticUpgrades", displayName),
        sha256Entries(paragraph.required("SHA256"), displayName));
  }

  private static List<String> words(Optional<String> value) {
    String text = value.orElse("").strip();
    return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
  }

  private static boolean yesNo(ReleaseParagraph paragraph, String field, String displayName)
      throws InvalidInputException {
    Optional<String> value = paragraph.field(field);
    if (value.isEmpty()) {
      return false;
    }
    switch (value.get().toLowerCase(Locale.ROOT)) {
      case "yes":
        return true;
      case "no":
        return false;
      default:
        throw new InvalidInputException(
            displayName + ": invalid " + field + " '" + value.get() + "', expected yes or no");
    }
  }

  private static Map<String, FileEntry> sha256Entries(String list, String displayName)
      throws InvalidInputException {
    Map<String, FileEntry> entries = new LinkedHashMap<>();
    for (String line : list.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      FileEntry entry = sha256Entry(line.strip(), displayName);
      if (entries.putIfAbsent(entry.path(), entry) != null) {
        throw new InvalidInputException(
            displayName + ": SHA256 lists " + entry.path() + " more than once");
      }
    }
    if (entries.isEmpty()) {
      throw new InvalidInputException(displayName + ": the SHA256 field lists no files");
    }
    return entries;
  }

  private static FileEntry sha256Entry(String line, String displayName)
      throws InvalidInputException {
    String[] parts = line.split("\\s+");
    if (parts.length != 3) {
      throw new InvalidInputException(
          displayName + ": invalid SHA256 line '" + line + "', expected 'hash size path'");
    }
    if (!SHA256_HEX.matcher(parts[0]).matches()) {
      throw new InvalidInputException(
          displayName
              + ": invalid SHA-256 '"
              + parts[0]
              + "' for "
              + parts[2]
              + ", expected 64 hex digits");
    }
    if (!DIGITS.matcher(parts[1]).matches()) {
      throw new InvalidInputException(
          displayName + ": invalid size '" + parts[1] + "' for " + parts[2]);
    }
    return new FileEntry(parts[2], Long.parseLong(parts[1]), parts[0].toLowerCase(Locale.ROOT));
  }
}
