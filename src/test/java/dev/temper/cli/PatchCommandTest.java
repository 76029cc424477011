package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void patchWithoutLockNamesLockCommand() throws Exception {
    Path spec = dir.resolve("base.yaml");
    Files.writeString(
        spec,
        "name: base\narchitectures: [amd64]\nrepositories:\n  - name: debian\n"
            + "    suites: [bookworm]\npackages: [base-files]\n");

    int code = run("patch", spec.toString());

    assertThat(code).isEqualTo(3);
    assertThat(err.toString())
        .isEqualTo(
            "temper: "
                + spec
                + " has no lock "
                + dir.resolve("base.lock.json")
                + ": run 'temper lock "
                + spec
                + "' first\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void applyNeedsASpec() {
    assertThat(run("patch", "oci:" + dir + ":latest", "--apply")).isEqualTo(2);
    assertThat(err.toString()).contains("--apply works on a SPEC, not an image");
  }

  @Test
  void patchOfCorruptImageExitsThree() throws Exception {
    Files.writeString(dir.resolve("index.json"), "{not json");
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");

    assertThat(run("patch", "oci:" + dir + ":latest")).isEqualTo(3);
    assertThat(err.toString()).startsWith("temper: ");
  }

  @Test
  void targetKindFollowsTheName() throws Exception {
    Path existing = Files.createFile(dir.resolve("127.0.0.1:5000"));

    assertThat(PatchCommand.isImage("oci:out/java17:latest")).isTrue();
    assertThat(PatchCommand.isImage("docker://127.0.0.1:5000/base/java17:1")).isTrue();
    assertThat(PatchCommand.isImage("127.0.0.1:5000/base/java17:1")).isTrue();
    assertThat(PatchCommand.isImage("examples/java17.yaml")).isFalse();
    assertThat(PatchCommand.isImage("127.0.0.1:5000/base/java17.yml")).isFalse();
    assertThat(PatchCommand.isImage(existing.toString())).isFalse();
    assertThat(PatchCommand.isImage("java17")).isFalse();
  }

  @Test
  void registryImageIsPulledNotReadAsSpec() throws Exception {
    int port;
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
      port = closed.getLocalPort();
    }

    int code = run("patch", "127.0.0.1:" + port + "/base/java17:1");

    assertThat(code).as(err.toString()).isEqualTo(4);
    assertThat(err.toString()).doesNotContain("spec not found");
  }

  @Test
  void applyNeedsASpecNotARegistryImage() {
    assertThat(run("patch", "127.0.0.1:5000/base/java17:1", "--apply")).isEqualTo(2);
    assertThat(err.toString()).contains("--apply works on a SPEC, not an image");
  }
}
