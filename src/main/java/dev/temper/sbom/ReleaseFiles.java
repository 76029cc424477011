package dev.temper.sbom;

import dev.temper.archive.EntryPaths;
import dev.temper.oci.image.ImageFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the OS in {@code etc/os-release} (then {@code usr/lib/os-release}), following a symlink
 * between them, and Java runtimes by their {@code release} file with {@code JAVA_VERSION}. Both are
 * small {@code KEY="value"} files, kept in memory until the walk ends.
 */
final class ReleaseFiles {
  private static final String ETC_OS_RELEASE = "etc/os-release";
  private static final String LIB_OS_RELEASE = "usr/lib/os-release";
  private static final int MAX_BYTES = 64 << 10;
  private static final int MAX_RUNTIMES = 1000;

  private final Warnings warnings;
  private final Map<String, Map<String, String>> osReleases = new HashMap<>();
  private final Map<String, String> osReleaseLinks = new HashMap<>();
  private final List<JavaRuntime> runtimes = new ArrayList<>();

  ReleaseFiles(Warnings warnings) {
    this.warnings = warnings;
  }

  void visit(ImageFile file, InputStream content) throws IOException {
    String path = file.path();
    boolean osRelease = path.equals(ETC_OS_RELEASE) || path.equals(LIB_OS_RELEASE);
    boolean javaRelease = path.endsWith("/release") && !osRelease;
    if (!osRelease && !javaRelease) {
      return;
    }
    switch (file.type()) {
      case SYMLINK -> {
        if (osRelease) {
          osReleaseLinks.put(path, file.linkTarget());
        }
      }
      case FILE -> {
        if (file.size() > MAX_BYTES) {
          if (osRelease) {
            warnings.add(path, "larger than " + MAX_BYTES + " bytes, not read");
          }
          return;
        }
        Map<String, String> values = parse(content.readNBytes(MAX_BYTES));
        if (osRelease) {
          osReleases.put(path, values);
        } else if (values.containsKey("JAVA_VERSION") && runtimes.size() < MAX_RUNTIMES) {
          runtimes.add(runtime(file, values));
        }
      }
      default -> {}
    }
  }

  private static JavaRuntime runtime(ImageFile file, Map<String, String> values) {
    String modules = values.get("MODULES");
    return new JavaRuntime(
        EntryPaths.parent(file.path()),
        values.get("JAVA_VERSION"),
        values.get("IMPLEMENTOR"),
        values.get("JAVA_RUNTIME_VERSION"),
        modules == null || modules.isBlank()
            ? List.of()
            : Arrays.asList(modules.strip().split("\\s+")),
        file.layerIndex(),
        file.layerDigest() == null ? null : file.layerDigest().toString());
  }

  /** Returns the OS release, or null when the image has none. */
  OsRelease os() {
    for (String path : List.of(ETC_OS_RELEASE, LIB_OS_RELEASE)) {
      String resolved = resolve(path);
      Map<String, String> values = osReleases.get(resolved);
      if (values != null && values.get("ID") != null) {
        return new OsRelease(
            values.get("ID"),
            values.get("VERSION_ID"),
            values.get("VERSION_CODENAME"),
            values.get("PRETTY_NAME"),
            resolved);
      }
    }
    return null;
  }

  private String resolve(String path) {
    String current = path;
    // Two files can point at each other; two hops cover every real layout.
    for (int hop = 0; hop < 2 && osReleaseLinks.containsKey(current); hop++) {
      current = SymlinkPaths.resolve(current, osReleaseLinks.get(current));
    }
    return current;
  }

  List<JavaRuntime> runtimes() {
    List<JavaRuntime> sorted = new ArrayList<>(runtimes);
    sorted.sort(Comparator.comparing(JavaRuntime::home));
    return sorted;
  }

  /** Parses {@code KEY=value} lines as os-release(5) and the JDK's release file write them. */
  static Map<String, String> parse(byte[] bytes) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      line = line.strip();
      int equals = line.indexOf('=');
      if (line.startsWith("#") || equals <= 0) {
        continue;
      }
      String value = line.substring(equals + 1).strip();
      if (value.length() >= 2
          && (value.startsWith("\"") && value.endsWith("\"")
              || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
      }
      values.put(line.substring(0, equals).strip(), value);
    }
    return values;
  }
}
