package dev.temper.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Collects the fields and index files of a suite and writes its Release file. */
final class ReleaseWriter {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  String suite = "stable";
  String codename;
  Instant date;
  Instant validUntil;
  boolean acquireByHash;
  final Map<String, String> extraFields = new LinkedHashMap<>();
  final List<String> components = new ArrayList<>();
  final List<String> architectures = new ArrayList<>();
  private final Map<String, byte[]> files = new TreeMap<>();

  /** Lists index files, and copies them under {@code by-hash/SHA256/} when asked to. */
  void addIndexes(Path suiteDir, String indexDir, List<Path> indexFiles) throws IOException {
    for (Path file : indexFiles) {
      byte[] content = Files.readAllBytes(file);
      files.put(suiteDir.relativize(file).toString(), content);
      if (acquireByHash) {
        Path byHash = suiteDir.resolve(indexDir).resolve("by-hash/SHA256");
        Files.createDirectories(byHash);
        Files.write(byHash.resolve(Hashes.sha256(content)), content);
      }
    }
  }

  /** Writes {@code Release} into the suite directory and returns its path. */
  Path write(Path suiteDir) throws IOException {
    StringBuilder text = new StringBuilder();
    field(text, "Origin", "Temper");
    field(text, "Label", "Temper");
    field(text, "Suite", suite);
    field(text, "Codename", codename);
    field(text, "Date", DATE.format(date));
    field(text, "Valid-Until", validUntil == null ? null : DATE.format(validUntil));
    field(text, "Acquire-By-Hash", acquireByHash ? "yes" : null);
    field(text, "Architectures", String.join(" ", architectures));
    field(text, "Components", String.join(" ", components));
    extraFields.forEach((name, value) -> field(text, name, value));
    field(text, "Description", "Test archive built by the temper test fixtures");
    text.append("MD5Sum:\n");
    files.forEach((path, content) -> entry(text, Hashes.md5(content), content.length, path));
    text.append("SHA256:\n");
    files.forEach((path, content) -> entry(text, Hashes.sha256(content), content.length, path));
    Files.createDirectories(suiteDir);
    return Files.writeString(suiteDir.resolve("Release"), text, StandardCharsets.UTF_8);
  }

  private static void field(StringBuilder text, String name, String value) {
    if (value != null) {
      text.append(name).append(": ").append(value).append('\n');
    }
  }

  private static void entry(StringBuilder text, String hash, long size, String path) {
    text.append(String.format(Locale.ROOT, " %s %8d %s\n", hash, size, path));
  }
}
