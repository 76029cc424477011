package dev.temper.cli;

import static dev.temper.testing.TestPackage.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.build.Lock;
import dev.temper.build.LockFiles;
import dev.temper.testing.LoopbackServer;
import dev.temper.testing.PublishedArchive;
import dev.temper.testing.TestArchive;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code temper patch --apply} on a spec that pins {@code app} to an exact version, against a
 * suite and its security suite served on loopback: the security suite has an update of {@code app}
 * whose changelog names a CVE, and an update of the unpinned {@code libgreet1}.
 */
class PatchPinTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path archives;
  static LoopbackServer stable;
  static LoopbackServer security;

  @TempDir Path dir;

  @BeforeAll
  static void publish() throws Exception {
    PublishedArchive main =
        TestArchive.create(archives.resolve("stable"))
            .suite("stable")
            .add(
                pkg("app", "1.0").depends("libgreet1").file("/usr/bin/app", "app 1.0\n"),
                pkg("libgreet1", "1.2").file("/usr/lib/libgreet.so.1", "lib 1.2\n"))
            .publish();
    PublishedArchive updates =
        TestArchive.create(archives.resolve("security"))
            .suite("stable-security")
            .add(
                pkg("app", "1.1")
                    .depends("libgreet1")
                    .file("/usr/bin/app", "app 1.1\n")
                    .file("/usr/share/doc/app/changelog.Debian.gz", changelog()),
                pkg("libgreet1", "1.3").file("/usr/lib/libgreet.so.1", "lib 1.3\n"))
            .publish();
    stable = LoopbackServer.serving(main.root());
    security = LoopbackServer.serving(updates.root());
    Files.copy(main.publicKey(), archives.resolve("stable.gpg"));
    Files.copy(updates.publicKey(), archives.resolve("security.gpg"));
  }

  @AfterAll
  static void stop() {
    stable.close();
    security.close();
  }

  /** Returns the changelog of app 1.1, whose security upload names CVE-2024-12345. */
  private static byte[] changelog() throws Exception {
    String text =
        "app (1.1) stable-security; urgency=high\n\n"
            + "  * Fix a buffer overflow in the greeting parser (CVE-2024-12345).\n\n"
            + " -- Test Maintainer <maintainer@example.org>  Mon, 05 Feb 2024 10:00:00 +0000\n\n"
            + "app (1.0) stable; urgency=medium\n\n"
            + "  * Initial release.\n\n"
            + " -- Test Maintainer <maintainer@example.org>  Mon, 01 Jan 2024 10:00:00 +0000\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  /**
   * Writes the spec, locks it against the stable suite alone, then adds the security suite, so that
   * the lock has an update of each package to pick up. The pin is on line 12, with a comment that a
   * rewrite must keep.
   */
  private Path writeLockedSpec() throws Exception {
    Files.copy(archives.resolve("stable.gpg"), dir.resolve("stable.gpg"));
    Files.copy(archives.resolve("security.gpg"), dir.resolve("security.gpg"));
    String stableOnly =
        "name: app\n"
            + "repositories:\n"
            + "  - name: test\n"
            + ("    url: " + stable.uri("/") + "\n")
            + "    suites: [stable]\n"
            + "    keyrings: [stable.gpg]\n"
            + "packages:\n"
            + "  - app=1.0   # certified build\n"
            + "  - libgreet1\n";
    Path spec = Files.writeString(dir.resolve("app.yaml"), stableOnly);
    String[] lock = run("lock", spec.toString());
    assertThat(lock[0]).as(lock[2]).isEqualTo("0");
    String yaml =
        "name: app\n"
            + "repositories:\n"
            + "  - name: test\n"
            + ("    url: " + stable.uri("/") + "\n")
            + "    suites: [stable]\n"
            + "    keyrings: [stable.gpg]\n"
            + "  - name: test-security\n"
            + ("    url: " + security.uri("/") + "\n")
            + "    suites: [stable-security]\n"
            + "    keyrings: [security.gpg]\n"
            + "packages:\n"
            + "  - app=1.0   # certified build\n"
            + "  - libgreet1\n";
    return Files.writeString(spec, yaml);
  }

  /** Runs temper patch on the spec without an advisory database. */
  private String[] patch(Path spec, String... options) {
    List<String> args = new ArrayList<>(List.of("patch", spec.toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--db", dir.resolve("no-advisories.db").toString()));
    return run(args.toArray(String[]::new));
  }

  /** Runs temper and returns the exit code followed by standard output and standard error. */
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  private Lock.Package pinOf(Path spec, String name) throws Exception {
    Lock lock = LockFiles.read(LockFiles.lockPathFor(spec));
    return lock.packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void listingMarksPinnedUpdateAsHeld() throws Exception {
    Path spec = writeLockedSpec();

    String[] result = patch(spec);

    assertThat(result[0]).as(result[2]).isEqualTo("0");
    assertThat(result[1])
        .containsPattern("app\\s+amd64\\s+1\\.0\\s+1\\.1 \\(held\\)\\s+stable-security");
    assertThat(result[1])
        .contains(
            "Note: app is held at 1.0 by "
                + spec
                + ":12 (app=1.0); 1.1 fixes CVE-2024-12345. Change the pin, or run temper patch"
                + " --apply --move-pins\n");
  }

  @Test
  void applyReportsHeldPinAndExitsOne() throws Exception {
    Path spec = writeLockedSpec();
    String before = Files.readString(spec);

    String[] result = patch(spec, "--apply", "-o", "oci:" + dir.resolve("out") + ":v1");

    assertThat(result[0]).as(result[1] + result[2]).isEqualTo("1");
    assertThat(result[1]).contains("  libgreet1:amd64 1.2 -> 1.3\n1 packages changed.\n");
    assertThat(result[1])
        .contains(
            "Not applied: app:amd64 stays at 1.0, held by "
                + spec
                + ":12 (app=1.0); 1.1 from stable-security fixes CVE-2024-12345\n");
    assertThat(result[2])
        .contains(
            "temper: 1 update not applied because the spec pins the version; change the pin, or"
                + " run again with --move-pins\n");
    assertThat(Files.readString(spec)).isEqualTo(before);
    assertThat(pinOf(spec, "app").version()).isEqualTo("1.0");
    assertThat(pinOf(spec, "libgreet1").version()).isEqualTo("1.3");
  }

  @Test
  void applyWithMovePinsRewritesPinLine() throws Exception {
    Path spec = writeLockedSpec();
    String before = Files.readString(spec);

    String[] result =
        patch(
            spec,
            "--apply",
            "--move-pins",
            "-o",
            "oci:" + dir.resolve("out") + ":v1",
            "--format",
            "json");

    assertThat(result[0]).as(result[1] + result[2]).isEqualTo("0");
    assertThat(Files.readString(spec))
        .isEqualTo(
            before.replace(
                "  - app=1.0   # certified build\n", "  - app=1.1   # certified build\n"));
    assertThat(pinOf(spec, "app").version()).isEqualTo("1.1");
    JsonNode applied = JSON.readTree(result[1]).get("applied");
    assertThat(applied.get("notApplied")).isEmpty();
    JsonNode moved = applied.get("movedPins").get(0);
    assertThat(moved.get("line").asInt()).isEqualTo(12);
    assertThat(moved.get("from").asText()).isEqualTo("app=1.0");
    assertThat(moved.get("to").asText()).isEqualTo("app=1.1");
    assertThat(applied.get("closedCves").toString()).contains("CVE-2024-12345");
  }
}
