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

/** Runs {@code temper lock} against a signed suite served on loopback. */
class LockCommandTest {
  @TempDir static Path dir;
  static LoopbackServer server;
  static Path spec;

  @BeforeAll
  static void publish() throws Exception {
    PublishedArchive archive =
        TestArchive.create(dir.resolve("archive"))
            .suite("stable")
            .add(
                pkg("app", "1.0").depends("libgreet1"),
                pkg("libgreet1", "1.2"),
                pkg("broken", "1.0").depends("missing-lib"))
            .publish();
    server = LoopbackServer.serving(archive.root());
    Files.copy(archive.publicKey(), dir.resolve("key.gpg"));
    spec = writeSpec("app.yaml", "app");
    writeSpec("broken.yaml", "broken");
  }

  static Path writeSpec(String file, String request) throws Exception {
    return Files.writeString(
        dir.resolve(file),
        "repositories:\n  - name: test\n    url: "
            + server.uri("/")
            + "\n    suites: [stable]\n    keyrings: [key.gpg]\npackages: ["
            + request
            + "]\n");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Runs temper and returns the exit code followed by standard output and standard error. */
  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void locksThenKeepsThenListsWithVerbose() {
    Path lock = dir.resolve("app.lock.json");

    String[] first = run("lock", spec.toString());
    String[] second = run("lock", spec.toString());
    String[] verbose = run("lock", "--update", "-v", spec.toString());

    assertThat(first[0]).isEqualTo("0");
    assertThat(first[1]).isEqualTo("locked 2 packages from 1 suite into " + lock + "\n");
    assertThat(second[1])
        .isEqualTo(lock + " matches the spec (2 packages); --update resolves again\n");
    assertThat(verbose[1])
        .isEqualTo(
            "locked 2 packages from 1 suite into "
                + lock
                + " (unchanged)\n"
                + "  app 1.0 amd64 test/stable\n"
                + "  libgreet1 1.2 amd64 test/stable\n");
  }

  @Test
  void unsatisfiableExitsWithInputError() {
    String[] result = run("lock", dir.resolve("broken.yaml").toString());

    assertThat(result[0]).isEqualTo("3");
    assertThat(result[2])
        .contains(
            "temper: missing-lib required by broken=1.0:amd64: no package or provider named"
                + " missing-lib in the suites read\n");
    assertThat(dir.resolve("broken.lock.json")).doesNotExist();
  }
}
