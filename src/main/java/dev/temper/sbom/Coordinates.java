package dev.temper.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers what one archive says about itself while it is read (pom.properties files and the
 * manifest, in whatever order the zip holds them) and decides its coordinates at the end: the
 * pom.properties first, then the manifest, then the file name.
 */
final class Coordinates {
  private static final Pattern POM_PROPERTIES =
      Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");
  private static final Pattern NAME_VERSION =
      Pattern.compile("(.+?)-(\\d[^/]*?)\\.(?:jar|war|ear)", Pattern.CASE_INSENSITIVE);

  private record Pom(String groupId, String artifactId, String version) {}

  private final List<Pom> poms = new ArrayList<>();
  private Attributes manifest;

  static boolean isPomProperties(String entryName) {
    return POM_PROPERTIES.matcher(entryName).matches();
  }

  void addPom(Properties properties) {
    String groupId = blankToNull(properties.getProperty("groupId"));
    String artifactId = blankToNull(properties.getProperty("artifactId"));
    String version = blankToNull(properties.getProperty("version"));
    if (groupId != null && artifactId != null) {
      poms.add(new Pom(groupId, artifactId, version));
    }
  }

  void setManifest(Attributes attributes) {
    manifest = attributes;
  }

  /**
   * Returns the archive and, for a shaded archive, the artifacts shaded into it. With several
   * pom.properties the one whose artifact id starts the file name is the archive itself; the others
   * are shaded in and carry no hashes of their own.
   */
  List<JavaArchive> artifacts(
      String location,
      String parent,
      String sha1,
      String sha256,
      int layerIndex,
      String layerDigest) {
    String fileName = location.substring(location.lastIndexOf('/') + 1);
    Pom own = ownPom(fileName);
    List<JavaArchive> result = new ArrayList<>();
    if (own != null) {
      result.add(
          new JavaArchive(
              location,
              own.groupId,
              own.artifactId,
              own.version,
              JavaArchive.Origin.POM_PROPERTIES,
              sha1,
              sha256,
              parent,
              layerIndex,
              layerDigest));
    } else {
      result.add(
          fromManifestOrName(location, fileName, parent, sha1, sha256, layerIndex, layerDigest));
    }
    for (Pom pom : poms) {
      if (pom != own) {
        result.add(
            new JavaArchive(
                location,
                pom.groupId,
                pom.artifactId,
                pom.version,
                JavaArchive.Origin.POM_PROPERTIES,
                null,
                null,
                location,
                layerIndex,
                layerDigest));
      }
    }
    return result;
  }

  private Pom ownPom(String fileName) {
    if (poms.size() == 1) {
      return poms.get(0);
    }
    Pom best = null;
    for (Pom pom : poms) {
      if (fileName.startsWith(pom.artifactId + "-") || fileName.startsWith(pom.artifactId + ".")) {
        if (best == null || pom.artifactId.length() > best.artifactId.length()) {
          best = pom;
        }
      }
    }
    return best;
  }

  private JavaArchive fromManifestOrName(
      String location,
      String fileName,
      String parent,
      String sha1,
      String sha256,
      int layerIndex,
      String layerDigest) {
    Matcher nameVersion = NAME_VERSION.matcher(fileName);
    String nameFromFile =
        nameVersion.matches() ? nameVersion.group(1) : fileName.replaceFirst("\\.[^.]*$", "");
    String versionFromFile = nameVersion.matches() ? nameVersion.group(2) : null;
    String title = manifestValue("Implementation-Title");
    String version = manifestValue("Implementation-Version");
    if (title == null) {
      title = manifestValue("Bundle-SymbolicName");
      if (title != null) {
        // Bundle-SymbolicName may carry directives such as ";singleton:=true".
        title = title.split(";", 2)[0].strip();
      }
      version = manifestValue("Bundle-Version");
    }
    boolean fromManifest = title != null;
    return new JavaArchive(
        location,
        null,
        fromManifest ? title : nameFromFile,
        version != null && fromManifest ? version : versionFromFile,
        fromManifest ? JavaArchive.Origin.MANIFEST : JavaArchive.Origin.FILE_NAME,
        sha1,
        sha256,
        parent,
        layerIndex,
        layerDigest);
  }

  private String manifestValue(String name) {
    return manifest == null ? null : blankToNull(manifest.getValue(name));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
