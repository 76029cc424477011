package dev.temper.sbom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small zip and jar files in memory for the Java cataloger tests. */
final class Jars {
  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private final Map<String, Boolean> stored = new LinkedHashMap<>();

  static Jars create() {
    return new Jars();
  }

  /** Adds a deflated entry. */
  Jars add(String name, byte[] content) {
    entries.put(name, content);
    stored.put(name, false);
    return this;
  }

  Jars add(String name, String content) {
    return add(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds an entry without compression, as Spring Boot stores nested jars. */
  Jars addStored(String name, byte[] content) {
    entries.put(name, content);
    stored.put(name, true);
    return this;
  }

  Jars pom(String groupId, String artifactId, String version) {
    return add(
        "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties",
        "#Generated\ngroupId="
            + groupId
            + "\nartifactId="
            + artifactId
            + "\nversion="
            + version
            + "\n");
  }

  Jars manifest(String attributes) {
    return add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n" + attributes + "\r\n\r\n");
  }

  byte[] bytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        if (stored.get(entry.getKey())) {
          CRC32 crc = new CRC32();
          crc.update(entry.getValue());
          zipEntry.setMethod(ZipEntry.STORED);
          zipEntry.setSize(entry.getValue().length);
          zipEntry.setCompressedSize(entry.getValue().length);
          zipEntry.setCrc(crc.getValue());
        }
        zip.putNextEntry(zipEntry);
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
