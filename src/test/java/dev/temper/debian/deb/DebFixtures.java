package dev.temper.debian.deb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Builds small {@code .deb} files with the real {@code dpkg-deb} for tests. */
final class DebFixtures {
  static final String CONTROL =
      "Package: hello\n"
          + "Version: 1.0-1\n"
          + "Architecture: all\n"
          + "Maintainer: Test <test@localhost>\n"
          + "Description: greets\n"
          + " a test package\n";

  static final String HELLO = "#!/bin/sh\necho hello\n";
  static final String CHANGELOG = "hello (1.0-1) unstable; urgency=low\n";

  private DebFixtures() {}

  /**
   * Builds {@code hello_1.0-1_all.deb} with {@code dpkg-deb -Z<compression>}: a script, a conffile,
   * a gzipped changelog, a relative and an absolute symlink and a postinst.
   */
  static Path build(Path dir, String compression, boolean withMd5sums) throws Exception {
    Path root = dir.resolve("root-" + compression);
    Path debian = Files.createDirectories(root.resolve("DEBIAN"));
    Files.writeString(debian.resolve("control"), CONTROL);
    Files.writeString(debian.resolve("conffiles"), "/etc/hello.conf\n");
    Files.writeString(debian.resolve("postinst"), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(
        debian.resolve("postinst"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path bin = Files.createDirectories(root.resolve("usr/bin"));
    Files.writeString(bin.resolve("hello"), HELLO);
    Files.setPosixFilePermissions(
        bin.resolve("hello"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(bin.resolve("hi"), Path.of("hello"));
    Files.createSymbolicLink(bin.resolve("hello-abs"), Path.of("/usr/bin/hello"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/hello.conf"), "greeting=hello\n");
    Path doc = Files.createDirectories(root.resolve("usr/share/doc/hello"));
    Files.write(doc.resolve("changelog.Debian.gz"), gzip(CHANGELOG));
    if (withMd5sums) {
      String sums = run(root, "sh", "-c", "find etc usr -type f | sort | xargs md5sum");
      Files.writeString(debian.resolve("md5sums"), sums);
    }
    Path deb = dir.resolve("hello-" + compression + ".deb");
    run(
        dir,
        "dpkg-deb",
        "--root-owner-group",
        "-Z" + compression,
        "--build",
        root.toString(),
        deb.toString());
    return deb;
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  static String run(Path dir, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(List.of(command))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    return output;
  }
}
