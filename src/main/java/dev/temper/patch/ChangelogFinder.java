package dev.temper.patch;

import dev.temper.cache.DownloadRequest;
import dev.temper.cache.Downloader;
import dev.temper.debian.BinaryPackage;
import dev.temper.debian.changelog.Changelog;
import dev.temper.error.TemperException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the changelog of a binary package in its {@code .deb}: {@code
 * usr/share/doc/PKG/changelog.Debian.gz}. When the documentation directory is a symlink to another
 * package's (as {@code libgcc-s1} links to {@code gcc-12-base}), that package's {@code .deb} is
 * read; when that fails too, the other binaries built from the same source upload are tried. Every
 * {@code .deb} is downloaded through the cache and checked against its index entry.
 */
final class ChangelogFinder {
  /** Other binaries of the source upload tried at most, smallest first. */
  static final int MAX_SIBLINGS = 3;

  /** Documentation symlinks into other packages followed at most. */
  private static final int MAX_LINKED_PACKAGES = 3;

  /**
   * The result of a search.
   *
   * @param changelog the parsed changelog, or empty
   * @param where the {@code .deb} and path it was read from, or what was looked at
   */
  record Found(Optional<Changelog> changelog, String where) {}

  private final Downloader downloader;
  private final PackageIndex index;

  ChangelogFinder(Downloader downloader, PackageIndex index) {
    this.downloader = downloader;
    this.index = index;
  }

  /** Returns the {@code .deb} of a package from the cache, downloading and verifying it. */
  Path fetch(BinaryPackage pkg) throws IOException, TemperException {
    return downloader.fetch(request(pkg));
  }

  /** Returns the download request of a package's {@code .deb}, checked against its index entry. */
  static DownloadRequest request(BinaryPackage pkg) {
    return new DownloadRequest(
        pkg.origin().repository().resolve(pkg.filename()), pkg.size(), pkg.sha256(), debName(pkg));
  }

  static String debName(BinaryPackage pkg) {
    return pkg.name() + "_" + pkg.version() + "_" + pkg.architecture() + ".deb";
  }

  /** Finds the changelog of {@code pkg}. */
  Found find(BinaryPackage pkg) throws IOException, TemperException {
    boolean nativeVersion = pkg.sourceVersion().toString().indexOf('-') < 0;
    Set<String> visited = new HashSet<>();
    List<String> looked = new ArrayList<>();
    BinaryPackage current = pkg;
    String dir = pkg.name();
    for (int hop = 0; hop <= MAX_LINKED_PACKAGES && current != null; hop++) {
      visited.add(debName(current));
      DocFiles docs = DocFiles.read(fetch(current), debName(current));
      Optional<String> target = docs.docDirectory(dir);
      if (target.isEmpty()) {
        looked.add(docs.deb() + " (usr/share/doc/" + dir + " links outside the documentation)");
        break;
      }
      Optional<Map.Entry<String, byte[]>> file = docs.changelog(target.get(), nativeVersion);
      if (file.isPresent()) {
        return parsed(docs.deb(), file.get());
      }
      looked.add(docs.deb() + " (no usr/share/doc/" + target.get() + "/changelog.Debian.gz)");
      if (target.get().equals(dir)) {
        break;
      }
      dir = target.get();
      current = index.sibling(pkg, dir).filter(p -> !visited.contains(debName(p))).orElse(null);
    }
    return fromSiblings(pkg, nativeVersion, visited, looked);
  }

  private Found fromSiblings(
      BinaryPackage pkg, boolean nativeVersion, Set<String> visited, List<String> looked)
      throws IOException, TemperException {
    List<BinaryPackage> siblings =
        index.siblings(pkg).stream()
            .filter(p -> !visited.contains(debName(p)))
            .sorted(Comparator.comparingLong(BinaryPackage::size))
            .limit(MAX_SIBLINGS)
            .toList();
    for (BinaryPackage sibling : siblings) {
      DocFiles docs = DocFiles.read(fetch(sibling), debName(sibling));
      Optional<String> dir = docs.docDirectory(sibling.name());
      Optional<Map.Entry<String, byte[]>> file = dir.flatMap(d -> docs.changelog(d, nativeVersion));
      if (file.isPresent()) {
        return parsed(docs.deb(), file.get());
      }
      looked.add(docs.deb());
    }
    return new Found(Optional.empty(), String.join(", ", looked));
  }

  private static Found parsed(String deb, Map.Entry<String, byte[]> file)
      throws IOException, TemperException {
    String where = deb + ":" + file.getKey();
    Changelog changelog = Changelog.readGzip(new ByteArrayInputStream(file.getValue()), where);
    return new Found(Optional.of(changelog), where);
  }
}
