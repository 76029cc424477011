package dev.temper.sbom;

import dev.temper.debian.ControlParagraphs;
import dev.temper.oci.image.ImageFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the paragraphs of one status file into installed packages. A paragraph that lacks a field
 * or has a malformed one is skipped with a warning naming its line; the others are kept.
 */
final class StatusEntries implements ControlParagraphs.Handler {
  static final List<String> FIELDS =
      List.of("Package", "Status", "Version", "Architecture", "Source", "Installed-Size");

  // Debian policy 5.6.1 and 5.6.12, with the characters dpkg accepts in versions.
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+~:-]+");
  private static final Pattern SOURCE =
      Pattern.compile("([a-z0-9][a-z0-9+.-]+)(?:\\s*\\((\\S+)\\))?");

  private final ImageFile file;
  private final boolean requireStatus;
  private final Warnings warnings;
  private final List<DebianPackage> packages = new ArrayList<>();

  /**
   * @param requireStatus whether a paragraph must have a Status field; status.d files written by
   *     image builders often have none, because each file is an installed package
   */
  StatusEntries(ImageFile file, boolean requireStatus, Warnings warnings) {
    this.file = file;
    this.requireStatus = requireStatus;
    this.warnings = warnings;
  }

  List<DebianPackage> packages() {
    return packages;
  }

  @Override
  public void paragraph(Map<String, String> fields, long firstLine) {
    String status = fields.get("Status");
    if (status == null ? requireStatus : !isInstalled(status)) {
      return;
    }
    String problem = check(fields);
    if (problem != null) {
      warnings.add(file.path(), "line " + firstLine + ": " + problem + ", entry skipped");
      return;
    }
    String name = fields.get("Package");
    String version = fields.get("Version");
    String sourceName = name;
    String sourceVersion = version;
    String source = fields.get("Source");
    if (source != null) {
      var matcher = SOURCE.matcher(source.strip());
      matcher.matches();
      sourceName = matcher.group(1);
      if (matcher.group(2) != null) {
        sourceVersion = matcher.group(2);
      }
    }
    String size = fields.get("Installed-Size");
    packages.add(
        new DebianPackage(
            name,
            version,
            fields.get("Architecture"),
            sourceName,
            sourceVersion,
            size == null ? 0 : Long.parseLong(size),
            file.layerIndex(),
            file.layerDigest() == null ? null : file.layerDigest().toString(),
            file.path(),
            List.of()));
  }

  /** Returns whether a Status value, {@code want flag state}, means the package is installed. */
  static boolean isInstalled(String status) {
    String[] words = status.strip().split("\\s+");
    return words.length == 3 && words[1].equals("ok") && words[2].equals("installed");
  }

  private static String check(Map<String, String> fields) {
    String name = fields.get("Package");
    if (name == null || !NAME.matcher(name).matches()) {
      return name == null ? "no Package field" : "invalid Package '" + shorten(name) + "'";
    }
    String version = fields.get("Version");
    if (version == null || !VERSION.matcher(version).matches()) {
      return "package " + name + ": missing or invalid Version";
    }
    String architecture = fields.get("Architecture");
    if (architecture == null || !NAME.matcher(architecture).matches()) {
      return "package " + name + ": missing or invalid Architecture";
    }
    String source = fields.get("Source");
    if (source != null) {
      var matcher = SOURCE.matcher(source.strip());
      if (!matcher.matches() || !validVersion(matcher.group(2))) {
        return "package " + name + ": invalid Source '" + shorten(source) + "'";
      }
    }
    String size = fields.get("Installed-Size");
    if (size != null && !size.matches("[0-9]{1,15}")) {
      return "package " + name + ": invalid Installed-Size '" + shorten(size) + "'";
    }
    return null;
  }

  private static boolean validVersion(String version) {
    return version == null || VERSION.matcher(version).matches();
  }

  private static String shorten(String value) {
    String line = value.split("\n", 2)[0];
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }
}
