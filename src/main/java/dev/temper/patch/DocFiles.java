package dev.temper.patch;

import dev.temper.archive.EntryType;
import dev.temper.debian.deb.DebReader;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The changelog files and documentation symlinks of one {@code .deb}, read from its data member in
 * one pass: {@code usr/share/doc/DIR/changelog.Debian.gz} and {@code changelog.gz} files (kept
 * compressed), and symlinks at {@code usr/share/doc/DIR} or at those changelog paths.
 */
final class DocFiles {
  static final String DOC = "usr/share/doc/";

  /** A compressed changelog larger than this is not kept; glibc's is about 300 KiB. */
  static final int MAX_CHANGELOG_BYTES = 8 << 20;

  /** At most this many changelogs are kept from one package. */
  static final int MAX_CHANGELOGS = 32;

  /** Symlinks followed from one start before giving up on a loop. */
  private static final int MAX_HOPS = 8;

  private static final Pattern CHANGELOG =
      Pattern.compile("usr/share/doc/[^/]+/changelog(\\.Debian)?\\.gz");
  private static final Pattern DOC_DIR = Pattern.compile("usr/share/doc/[^/]+");

  private final String deb;
  private final Map<String, byte[]> changelogs = new HashMap<>();
  private final Map<String, String> symlinks = new HashMap<>();

  private DocFiles(String deb) {
    this.deb = deb;
  }

  /** Reads the documentation entries of a downloaded {@code .deb}. */
  static DocFiles read(Path file, String deb) throws IOException, TemperException {
    DocFiles docs = new DocFiles(deb);
    try (InputStream in = Files.newInputStream(file)) {
      new DebReader()
          .read(
              in,
              deb,
              (header, content) -> {
                String path = header.path();
                boolean changelog = CHANGELOG.matcher(path).matches();
                if (header.type() == EntryType.SYMLINK
                    && (changelog || DOC_DIR.matcher(path).matches())) {
                  docs.symlinks.put(path, header.linkTarget());
                } else if (header.type() == EntryType.FILE && changelog) {
                  docs.keep(path, header.size(), content);
                }
              });
    }
    return docs;
  }

  private void keep(String path, long size, InputStream content)
      throws IOException, InvalidInputException {
    if (size > MAX_CHANGELOG_BYTES) {
      throw new InvalidInputException(
          deb + ": " + path + " is " + size + " bytes, more than " + MAX_CHANGELOG_BYTES);
    }
    if (changelogs.size() >= MAX_CHANGELOGS) {
      return;
    }
    changelogs.put(path, content.readNBytes((int) size));
  }

  /** Returns the name of the {@code .deb}, as used in messages. */
  String deb() {
    return deb;
  }

  /**
   * Returns the directory that {@code usr/share/doc/DIR} finally names after following its
   * symlinks, such as {@code gcc-12-base} for {@code libgcc-s1}, or empty for a link that leaves
   * {@code usr/share/doc} or loops.
   */
  Optional<String> docDirectory(String dir) {
    String path = DOC + dir;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      String target = symlinks.get(path);
      if (target == null) {
        return Optional.of(path.substring(DOC.length()));
      }
      Optional<String> next = resolve(path, target);
      if (next.isEmpty() || !DOC_DIR.matcher(next.get()).matches()) {
        return Optional.empty();
      }
      path = next.get();
    }
    return Optional.empty();
  }

  /**
   * Returns the changelog of a documentation directory and its path: {@code changelog.Debian.gz},
   * or {@code changelog.gz} when {@code nativeVersion} (a native package has only that one),
   * following a symlink to another changelog of this package.
   */
  Optional<Map.Entry<String, byte[]>> changelog(String dir, boolean nativeVersion) {
    Optional<Map.Entry<String, byte[]>> debian = file(DOC + dir + "/changelog.Debian.gz");
    if (debian.isPresent() || !nativeVersion) {
      return debian;
    }
    return file(DOC + dir + "/changelog.gz");
  }

  private Optional<Map.Entry<String, byte[]>> file(String start) {
    String path = start;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      byte[] content = changelogs.get(path);
      if (content != null) {
        return Optional.of(Map.entry(path, content));
      }
      String target = symlinks.get(path);
      if (target == null) {
        return Optional.empty();
      }
      Optional<String> next = resolve(path, target);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      path = next.get();
    }
    return Optional.empty();
  }

  /** Resolves a symlink target against the link's directory; empty when it leaves the root. */
  static Optional<String> resolve(String link, String target) {
    String base = link.contains("/") ? link.substring(0, link.lastIndexOf('/')) : "";
    String joined = target.startsWith("/") ? target.substring(1) : base + "/" + target;
    Path normal = Path.of("/").resolve(joined).normalize();
    String result = normal.toString().substring(1);
    return result.isEmpty() || !result.startsWith(DOC) ? Optional.empty() : Optional.of(result);
  }
}
