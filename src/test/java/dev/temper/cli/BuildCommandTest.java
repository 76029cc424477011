package dev.temper.cli;

import static dev.temper.testing.TestPackage.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.testing.LoopbackServer;
import dev.temper.testing.PublishedArchive;
import dev.temper.testing.TestArchive;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code temper build} against a signed suite served on loopback, with packages that dpkg-deb
 * made: the build locks the spec first, then builds.
 */
class BuildCommandTest {
  @TempDir static Path dir;
  static LoopbackServer server;

  @BeforeAll
  static void publish() throws Exception {
    PublishedArchive archive =
        TestArchive.create(dir.resolve("archive"))
            .suite("stable")
            .add(
                pkg("app", "1.0").depends("libgreet1").file("/usr/bin/app", "app\n"),
                pkg("libgreet1", "1.2")
                    .file("/lib/x86_64-linux-gnu/libgreet.so.1", "lib\n")
                    .file("/bin/sh", "shell\n"))
            .publish();
    server = LoopbackServer.serving(archive.root());
    Files.copy(archive.publicKey(), dir.resolve("key.gpg"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Path writeSpec(String file, String extra) throws Exception {
    return Files.writeString(
        dir.resolve(file),
        "repositories:\n  - name: test\n    url: "
            + server.uri("/")
            + "\n    suites: [stable]\n    keyrings: [key.gpg]\npackages: [app]\n"
            + extra);
  }

  /** Runs temper and returns the exit code followed by standard output and standard error. */
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void buildLocksFirstAndExplains() throws Exception {
    Path spec = writeSpec("app.yaml", "entrypoint: [/usr/bin/app]\n");
    Path layout = dir.resolve("out-app");

    String[] result =
        run("build", spec.toString(), "--output", "oci:" + layout + ":v1", "--explain");

    assertThat(result[0]).as(result[2]).isEqualTo("0");
    assertThat(result[1]).contains("removed /usr/bin/sh (shell)\n");
    assertThat(result[1]).containsPattern("image     sha256:[0-9a-f]{64}\n");
    assertThat(result[1]).contains("2 packages");
    assertThat(result[1]).contains("lock      " + dir.resolve("app.lock.json") + " (written)\n");
    assertThat(result[1]).contains("output    oci:" + layout + ":v1\n");
    assertThat(dir.resolve("app.lock.json")).exists();
    assertThat(layout.resolve("index.json")).content().contains("\"v1\"");

    String[] again = run("build", spec.toString(), "--output", "oci:" + layout + ":v2");

    assertThat(again[0]).isEqualTo("0");
    assertThat(again[1]).contains("(reused)");
    assertThat(again[1]).contains("hardening: 1 shell (--explain lists them)\n");
  }

  @Test
  void unknownSpecKeyExitsWithInputError() throws Exception {
    Path spec = writeSpec("typo.yaml", "entrypiont: [/usr/bin/app]\n");

    String[] result = run("build", spec.toString(), "--output", "oci:" + dir.resolve("typo"));

    assertThat(result[0]).isEqualTo("3");
    assertThat(result[2]).isEqualTo("temper: " + spec + ": unknown field 'entrypiont' at line 7\n");
    assertThat(dir.resolve("typo")).doesNotExist();
  }

  @Test
  void invalidCompressionIsUsageError() throws Exception {
    Path spec = writeSpec("compression.yaml", "");

    String[] result = run("build", spec.toString(), "--compression", "lz4");

    assertThat(result[0]).isEqualTo("2");
    assertThat(result[2])
        .isEqualTo(
            "temper: invalid value for option '--compression': 'lz4' is not one of gzip, zstd\n"
                + "Run 'temper build --help' for usage.\n");
  }
}
