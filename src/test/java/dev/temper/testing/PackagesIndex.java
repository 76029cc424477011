package dev.temper.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Writes the Packages index of one component and architecture, plain and compressed. */
final class PackagesIndex {
  private PackagesIndex() {}

  /** Returns the stanza fields that locate and vouch for a .deb in the pool. */
  static String fileFields(String poolPath, byte[] deb) {
    return "Filename: "
        + poolPath
        + "\nSize: "
        + deb.length
        + "\nMD5sum: "
        + Hashes.md5(deb)
        + "\nSHA256: "
        + Hashes.sha256(deb)
        + "\n";
  }

  /**
   * Writes {@code Packages}, {@code Packages.gz} and {@code Packages.xz} with the stanzas of the
   * packages built for {@code architecture} or for {@code all}.
   *
   * @return the three files, in that order
   */
  static List<Path> write(Path indexDir, String architecture, Map<TestPackage, String> stanzas)
      throws IOException {
    List<String> selected = new ArrayList<>();
    stanzas.forEach(
        (pkg, stanza) -> {
          if (pkg.arch().equals(architecture) || pkg.arch().equals("all")) {
            selected.add(stanza);
          }
        });
    byte[] plain = String.join("\n", selected).getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(indexDir);
    Path packages = Files.write(indexDir.resolve("Packages"), plain);
    Path gz = Files.write(indexDir.resolve("Packages.gz"), gzip(plain));
    Path xz = Files.write(indexDir.resolve("Packages.xz"), xz(plain));
    return List.of(packages, gz, xz);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static byte[] xz(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new XZOutputStream(bytes, new LZMA2Options())) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
