package dev.temper.sbom;

import dev.temper.debian.ControlParagraphs;
import dev.temper.error.InvalidInputException;
import dev.temper.oci.image.ImageFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds installed Debian packages in {@code var/lib/dpkg/status} and in the one-file-per-package
 * {@code var/lib/dpkg/status.d} of distroless images, and their licenses in {@code
 * usr/share/doc/PACKAGE/copyright}. The walk may show copyright and package list files before or
 * after the status files, so everything is collected first and joined in {@link #finish}.
 */
final class DpkgCataloger {
  static final String STATUS = "var/lib/dpkg/status";
  private static final String STATUS_D = "var/lib/dpkg/status.d/";
  private static final String INFO = "var/lib/dpkg/info/";
  private static final String DOC = "usr/share/doc/";
  private static final long MAX_STATUS_BYTES = 256L << 20;
  private static final long MAX_COPYRIGHT_BYTES = 4L << 20;
  private static final int MAX_PACKAGES = 200_000;

  private final Warnings warnings;
  private final List<DebianPackage> packages = new ArrayList<>();

  /** The layer of each package's file list, keyed by package name with any ":arch". */
  private final Map<String, ImageFile> fileLists = new HashMap<>();

  private final Map<String, List<String>> copyrights = new HashMap<>();
  private final Map<String, String> docLinks = new HashMap<>();

  DpkgCataloger(Warnings warnings) {
    this.warnings = warnings;
  }

  /** Reads the entry if it is one this cataloger needs. */
  void visit(ImageFile file, InputStream content) throws IOException {
    String path = file.path();
    switch (file.type()) {
      case FILE -> visitFile(file, content);
      case SYMLINK -> {
        if (path.startsWith(DOC) && path.indexOf('/', DOC.length()) < 0) {
          docLinks.put(path.substring(DOC.length()), file.linkTarget());
        }
      }
      default -> {}
    }
  }

  private void visitFile(ImageFile file, InputStream content) throws IOException {
    String path = file.path();
    if (path.equals(STATUS)) {
      readStatus(file, content, true);
    } else if (path.startsWith(STATUS_D)
        && path.indexOf('/', STATUS_D.length()) < 0
        && !path.endsWith(".md5sums")) {
      readStatus(file, content, false);
    } else if (path.startsWith(INFO) && path.endsWith(".list")) {
      fileLists.put(path.substring(INFO.length(), path.length() - ".list".length()), file);
    } else if (path.startsWith(DOC) && path.endsWith("/copyright")) {
      String name = path.substring(DOC.length(), path.length() - "/copyright".length());
      if (name.indexOf('/') < 0) {
        readCopyright(file, name, content);
      }
    }
  }

  private void readCopyright(ImageFile file, String name, InputStream content) throws IOException {
    if (file.size() > MAX_COPYRIGHT_BYTES) {
      warnings.add(file.path(), "larger than " + MAX_COPYRIGHT_BYTES + " bytes, not read");
      return;
    }
    copyrights.put(name, Dep5Copyright.licenses(content, file.path()));
  }

  private void readStatus(ImageFile file, InputStream content, boolean requireStatus)
      throws IOException {
    if (file.size() > MAX_STATUS_BYTES) {
      warnings.add(file.path(), "larger than " + MAX_STATUS_BYTES + " bytes, not read");
      return;
    }
    StatusEntries entries = new StatusEntries(file, requireStatus, warnings);
    try {
      ControlParagraphs.read(content, file.path(), StatusEntries.FIELDS, entries);
    } catch (InvalidInputException e) {
      warnings.add(
          file.path(), "corrupt, packages after this point are missing: " + e.getMessage());
    }
    for (DebianPackage found : entries.packages()) {
      if (packages.size() >= MAX_PACKAGES) {
        warnings.add(file.path(), "more than " + MAX_PACKAGES + " packages, the rest not listed");
        return;
      }
      packages.add(found);
    }
  }

  /** Joins the packages with their licenses and layers, sorted by name and architecture. */
  List<DebianPackage> finish() {
    List<DebianPackage> result = new ArrayList<>();
    for (DebianPackage found : packages) {
      DebianPackage joined = found.withLicenses(licensesOf(found.name()));
      ImageFile list = fileList(found);
      if (list != null && found.statusFile().equals(STATUS)) {
        String digest = list.layerDigest() == null ? null : list.layerDigest().toString();
        joined = joined.withLayer(list.layerIndex(), digest);
      }
      result.add(joined);
    }
    result.sort(
        Comparator.comparing(DebianPackage::name)
            .thenComparing(DebianPackage::architecture)
            .thenComparing(DebianPackage::version)
            .thenComparing(DebianPackage::statusFile));
    return result;
  }

  private ImageFile fileList(DebianPackage found) {
    ImageFile list = fileLists.get(found.name() + ":" + found.architecture());
    return list != null ? list : fileLists.get(found.name());
  }

  private List<String> licensesOf(String name) {
    List<String> direct = copyrights.get(name);
    if (direct != null) {
      return direct;
    }
    // Packages built from one source often link their doc directory to a sibling's.
    String target = docLinks.get(name);
    if (target != null && !target.contains("/") && !target.equals(name)) {
      return copyrights.getOrDefault(target, List.of());
    }
    return List.of();
  }
}
