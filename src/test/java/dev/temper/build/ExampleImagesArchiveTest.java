package dev.temper.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code examples/static} and {@code examples/base} from the real archive and runs each
 * under runc with a host program added through the spec: the static-pie {@code ldconfig} on the
 * static base, the dynamically linked {@code cat} on the glibc base.
 */
@Tag("archive")
class ExampleImagesArchiveTest {
  @TempDir Path dir;

  @Test
  void staticImageRunsStaticProgram() throws Exception {
    Path spec =
        ArchiveBuilds.example(
            "static",
            dir.resolve("spec"),
            "files:\n  - {source: /usr/sbin/ldconfig, destination: /app/ldconfig, mode: '0755'}\n"
                + "entrypoint: [/app/ldconfig]\ncmd: [--version]\n");
    Path layout = dir.resolve("static");

    BuildResult result = ArchiveBuilds.build(spec, layout, dir.resolve("cache"));

    assertThat(ArchiveBuilds.inspect(layout)).contains(result.image().digest().toString());
    ImageRunner image = ImageRunner.unpack(layout, "test", dir);
    ImageRunner.Run run = image.run();
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("ldconfig (Debian GLIBC");
    assertThat(image.rootfs().resolve("etc/ssl/certs/ca-certificates.crt"))
        .content()
        .contains("BEGIN CERTIFICATE");
    assertThat(image.rootfs().resolve("usr/share/zoneinfo/UTC")).exists();
    assertThat(image.rootfs().resolve("var/lib/dpkg/status.d/tzdata")).exists();
    assertThat(image.rootfs().resolve("var/lib/dpkg/status.d/libc6")).doesNotExist();
    assertThat(image.findNamed("^libc\\.so")).isEmpty();
    assertHardened(image);
  }

  @Test
  void baseImageRunsDynamicProgramAsNonroot() throws Exception {
    Path spec =
        ArchiveBuilds.example(
            "base",
            dir.resolve("spec"),
            "files:\n  - {source: /usr/bin/cat, destination: /app/cat}\n"
                + "entrypoint: [/app/cat]\ncmd: [/proc/self/status]\n");
    Path layout = dir.resolve("base");

    BuildResult result = ArchiveBuilds.build(spec, layout, dir.resolve("cache"));

    assertThat(ArchiveBuilds.inspect(layout)).contains(result.image().digest().toString());
    ImageRunner image = ImageRunner.unpack(layout, "test", dir);
    ImageRunner.Run run = image.run();
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("Uid:\\s+65532\\s+65532");
    assertThat(run.output()).containsPattern("Gid:\\s+65532\\s+65532");
    assertThat(Files.readSymbolicLink(image.rootfs().resolve("lib64")))
        .isEqualTo(Path.of("usr/lib64"));
    assertThat(result.first().packages()).isGreaterThanOrEqualTo(7);
    assertHardened(image);
  }

  @Test
  void twoArchitecturesMakeAnIndex() throws Exception {
    Path spec = ArchiveBuilds.example("static", dir.resolve("spec"), "");
    Files.writeString(
        spec,
        Files.readString(spec).replace("architectures: [amd64]", "architectures: [amd64, arm64]"));
    Path layout = dir.resolve("static");

    BuildResult result = ArchiveBuilds.build(spec, layout, dir.resolve("cache"));

    assertThat(result.image().mediaType()).isEqualTo(dev.temper.oci.MediaTypes.OCI_INDEX);
    assertThat(result.platforms())
        .extracting(BuildResult.Platform::architecture)
        .containsExactly("amd64", "arm64");
    String raw = Fixtures.run("skopeo", "inspect", "--raw", "oci:" + layout + ":test");
    assertThat(raw).contains("\"architecture\":\"arm64\"").contains("\"architecture\":\"amd64\"");
    String arm =
        Fixtures.run("skopeo", "--override-arch", "arm64", "inspect", "oci:" + layout + ":test");
    assertThat(arm).contains("\"Architecture\": \"arm64\"");
    assertThat(result.platforms().get(1).manifest().digest())
        .isNotEqualTo(result.platforms().get(0).manifest().digest());
    assertThat(LockFiles.read(LockFiles.lockPathFor(spec)).packages())
        .extracting(Lock.Package::architecture)
        .contains("amd64", "arm64", "all");
  }

  /** Checks there is no shell, no package manager and no setuid or setgid file. */
  static void assertHardened(ImageRunner image) throws Exception {
    ImageRunner.Run shell = image.run(List.of("/bin/sh", "-c", "echo reached"));
    assertThat(shell.exitCode()).isNotZero();
    assertThat(shell.output()).doesNotContain("reached");
    assertThat(image.findNamed("^(sh|bash|dash|rbash|dpkg.*|apt|apt-.*|debconf.*)$"))
        .containsExactly("/var/lib/dpkg");
    assertThat(image.rootfs().resolve("var/lib/dpkg/status")).doesNotExist();
    assertThat(image.findSetIdFiles()).isEmpty();
  }
}
