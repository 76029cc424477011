package dev.temper.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import dev.temper.files.TemporaryNames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes lock files, and names the lock file of a spec. */
public final class LockFiles {
  /** Rejects unknown fields and duplicate keys, since either would make an edited pin ambiguous. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final ObjectWriter PRETTY =
      JSON.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private LockFiles() {}

  /** Returns {@code SPEC.lock.json} beside the spec, with the spec's extension replaced. */
  public static Path lockPathFor(Path spec) {
    String name = spec.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return spec.resolveSibling(stem + ".lock.json");
  }

  /**
   * Writes the lock atomically: into a temporary file beside it, then renamed over the target, so a
   * failure never leaves a half-written lock.
   */
  public static void write(Lock lock, Path target) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path temp = TemporaryNames.createFile(directory, ".lock-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        out.write(toJson(lock).getBytes(StandardCharsets.UTF_8));
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Returns the lock as pretty-printed JSON with a final newline. */
  public static String toJson(Lock lock) throws JsonProcessingException {
    return PRETTY.writeValueAsString(lock) + "\n";
  }

  /** Reads a lock file, rejecting unknown formats. */
  public static Lock read(Path file) throws IOException, InvalidInputException {
    Lock lock;
    try {
      lock = JSON.readValue(file.toFile(), Lock.class);
    } catch (JsonProcessingException e) {
      throw ParseErrors.invalid(file, "lock file", e);
    }
    if (lock == null || lock.lockVersion() != Lock.FORMAT_VERSION) {
      throw new InvalidInputException(
          file
              + ": unsupported lock format version "
              + (lock == null ? "none" : lock.lockVersion())
              + ", expected "
              + Lock.FORMAT_VERSION);
    }
    checkPackages(file, lock);
    return lock;
  }

  /**
   * Rejects pins that could make a build read outside the archive: a lock is a file anyone can
   * edit, and its archive paths are joined to the mirror URL.
   */
  private static void checkPackages(Path file, Lock lock) throws InvalidInputException {
    if (lock.packages() == null) {
      throw new InvalidInputException(file + ": invalid lock file: no 'packages' list");
    }
    for (Lock.Package pin : lock.packages()) {
      String where = file + ": package " + pin.name() + "=" + pin.version();
      try {
        dev.temper.archive.EntryPaths.requireNormal(pin.filename());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(where + ": invalid archive path: " + e.getMessage());
      }
      if (pin.filename().contains("?")
          || pin.filename().contains("#")
          || pin.filename().contains("%")) {
        throw new InvalidInputException(where + ": invalid archive path '" + pin.filename() + "'");
      }
      if (pin.sha256() == null || !pin.sha256().matches("[0-9a-f]{64}") || pin.size() < 0) {
        throw new InvalidInputException(where + ": invalid SHA-256 or size");
      }
    }
  }

  /**
   * Returns the SHA-256 of the spec fields that decide a resolution: architectures, repositories,
   * package requests and excludes. A lock whose {@code inputs} differ is stale.
   */
  public static String inputsDigest(Spec spec) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("architectures", spec.architectures());
    inputs.put(
        "repositories",
        spec.repositories().stream()
            .map(
                r -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("name", r.name());
                  m.put("url", r.url());
                  m.put("suites", r.suites());
                  m.put("components", r.components());
                  return m;
                })
            .toList());
    inputs.put("packages", spec.packages());
    inputs.put("exclude", spec.exclude().stream().sorted().toList());
    try {
      byte[] canonical = JSON.writeValueAsBytes(inputs);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new AssertionError("serializing plain maps and lists cannot fail", e);
    }
  }

  /** Returns whether a lock was written for the spec's current inputs; if not, it is stale. */
  public static boolean matches(Lock lock, Spec spec) {
    return inputsDigest(spec).equals(lock.inputs());
  }

  static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }
}
