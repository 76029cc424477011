package dev.temper.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.oci.reference.ImageReferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuildTest {
  @TempDir Path dir;

  private Path certificate;

  private Path spec(String imageFields) throws Exception {
    return spec(dir, imageFields, false);
  }

  /** Writes the fixture packages, a spec and its lock; {@code reversed} lists them backwards. */
  private Path spec(Path directory, String imageFields, boolean reversed) throws Exception {
    if (certificate == null) {
      certificate = Fixtures.certificate(dir, "packaged-root");
    }
    List<DebBuilder> debs =
        new java.util.ArrayList<>(
            List.of(
                Fixtures.baseFiles(),
                Fixtures.libc(),
                Fixtures.tools(),
                Fixtures.jre(),
                Fixtures.caCertificates(certificate)));
    if (reversed) {
      java.util.Collections.reverse(debs);
    }
    LocalArchive archive = new LocalArchive(dir.resolve("archive"));
    for (DebBuilder deb : debs) {
      archive.add(deb);
    }
    return archive.writeSpec(Files.createDirectories(directory), imageFields);
  }

  private BuildResult build(Path spec, String output) throws Exception {
    BuildOptions options =
        new BuildOptions(
            List.of(ImageReferences.parse(output)),
            dev.temper.archive.Compression.GZIP,
            java.util.OptionalLong.empty(),
            false);
    return LocalArchive.build(dir.resolve("cache-" + System.nanoTime())).build(spec, options);
  }

  @Test
  void buildsHardenedRootFs() throws Exception {
    Path spec = spec("entrypoint: [/usr/bin/java]\n");
    Path layout = dir.resolve("out");

    BuildResult result = build(spec, "oci:" + layout + ":test");

    Path bundle = dir.resolve("bundle");
    Fixtures.run("umoci", "unpack", "--image", layout + ":test", bundle.toString());
    Path root = bundle.resolve("rootfs");
    assertThat(Files.readSymbolicLink(root.resolve("bin"))).isEqualTo(Path.of("usr/bin"));
    assertThat(root.resolve("usr/bin/tool")).hasContent("tool");
    assertThat(root.resolve("usr/bin/tool2")).hasContent("tool");
    assertThat(root.resolve("usr/bin/tool3")).hasContent("data");
    assertThat(root.resolve("usr/bin/sh")).doesNotExist();
    assertThat(mode(root.resolve("usr/bin/su"))).isEqualTo("rwxr-xr-x");
    assertThat(mode(root.resolve("usr/bin/wall"))).isEqualTo("rwxr-xr-x");
    assertThat(root.resolve("usr/share/man")).doesNotExist();
    assertThat(root.resolve("usr/share/doc/base-files/README")).doesNotExist();
    assertThat(root.resolve("usr/share/doc/base-files/copyright")).exists();
    assertThat(root.resolve("lib64/ld-linux-x86-64.so.2")).exists();
    assertThat(root.resolve("etc/os-release")).content().contains("ID=debian");
    assertThat(root.resolve("etc/passwd"))
        .content()
        .contains("nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n");
    assertThat(root.resolve("etc/shadow")).content().contains("root:*:");
    assertThat(mode(root.resolve("tmp"))).isEqualTo("rwxrwxrwx");
    assertThat(Files.readSymbolicLink(root.resolve("usr/bin/java")))
        .isEqualTo(Path.of("/etc/alternatives/java"));
    assertThat(root.resolve("var/lib/dpkg/status.d/libc6")).content().contains("Package: libc6");
    assertThat(root.resolve("var/lib/dpkg/status.d/libc6.md5sums"))
        .content()
        .contains("  lib/x86_64-linux-gnu/ld-linux-x86-64.so.2\n")
        .doesNotContain("ldd.1.gz");
    assertThat(root.resolve("etc/ssl/certs/ca-certificates.crt"))
        .content()
        .contains("BEGIN CERTIFICATE");
    KeyStore cacerts = KeyStore.getInstance("PKCS12");
    assertThat(
            Files.readSymbolicLink(
                root.resolve("usr/lib/jvm/java-17-openjdk-amd64/lib/security/cacerts")))
        .isEqualTo(Path.of("/etc/ssl/certs/java/cacerts"));
    // Read inside the root: the absolute link above would lead to the host's trust store.
    try (var in = Files.newInputStream(root.resolve("etc/ssl/certs/java/cacerts"))) {
      cacerts.load(in, "changeit".toCharArray());
    }
    assertThat(cacerts.isCertificateEntry("debian:test_root.pem")).isTrue();
    assertThat(result.first().packages()).isEqualTo(5);
    assertThat(result.removals())
        .extracting(Removal::path)
        .contains("/usr/bin/sh", "/usr/share/man/man1/ldd.1.gz");
  }

  @Test
  void rebuildFromSameLockGivesSameDigest() throws Exception {
    String fields =
        "paths:\n"
            + "  - {path: /var/cache/app, type: directory, owner: nonroot}\n"
            + "  - {path: /etc/app.conf, type: file, content: 'a=1', mode: '0600'}\n"
            + "env: {B: '2', A: '1'}\n";
    Path spec = spec(fields);

    BuildResult first = build(spec, "oci:" + dir.resolve("first") + ":test");
    BuildResult second = build(spec, "oci:" + dir.resolve("second") + ":test");

    assertThat(second.image().digest()).isEqualTo(first.image().digest());

    // The same spec with every list in another order, and a lock that lists packages backwards.
    String shuffledFields =
        "env: {A: '1', B: '2'}\n"
            + "paths:\n"
            + "  - {path: /etc/app.conf, type: file, content: 'a=1', mode: '0600'}\n"
            + "  - {path: /var/cache/app, type: directory, owner: nonroot}\n";
    Path shuffled = spec(dir.resolve("shuffled"), shuffledFields, true);
    BuildResult third = build(shuffled, "oci:" + dir.resolve("third") + ":test");

    assertThat(third.image().digest()).isEqualTo(first.image().digest());
  }

  @Test
  void warmRebuildReusesCachedLayers() throws Exception {
    Path spec = spec("");
    ImageBuild build = LocalArchive.build(dir.resolve("shared-cache"));
    BuildOptions first =
        new BuildOptions(
            List.of(ImageReferences.parse("oci:" + dir.resolve("a") + ":test")),
            dev.temper.archive.Compression.GZIP,
            java.util.OptionalLong.empty(),
            false);
    BuildOptions second =
        new BuildOptions(
            List.of(ImageReferences.parse("oci:" + dir.resolve("b") + ":test")),
            dev.temper.archive.Compression.GZIP,
            java.util.OptionalLong.empty(),
            false);

    BuildResult cold = build.build(spec, first);
    BuildResult warm = build.build(spec, second);

    assertThat(warm.image().digest()).isEqualTo(cold.image().digest());
    try (var entries = Files.list(dir.resolve("shared-cache/layers"))) {
      assertThat(entries.count()).isEqualTo(cold.first().layers());
    }
    try (var copies = Files.list(dir.resolve("shared-cache/unpacked"))) {
      assertThat(copies.count()).isEqualTo(5);
    }
  }

  @Test
  void dockerArchiveBesideLayout() throws Exception {
    Path spec = spec("");
    Path archive = dir.resolve("image.tar");
    BuildOptions options =
        new BuildOptions(
            List.of(
                ImageReferences.parse("oci:" + dir.resolve("layout") + ":v1"),
                ImageReferences.parse("docker-archive:" + archive + ":example/image:v1")),
            dev.temper.archive.Compression.ZSTD,
            java.util.OptionalLong.of(86400),
            false);

    BuildResult result = LocalArchive.build(dir.resolve("cache")).build(spec, options);

    String fromArchive = Fixtures.run("skopeo", "inspect", "docker-archive:" + archive);
    String fromLayout = Fixtures.run("skopeo", "inspect", "oci:" + dir.resolve("layout") + ":v1");
    assertThat(fromArchive).contains("\"Created\": \"1970-01-02T00:00:00Z\"");
    assertThat(fromLayout).contains("\"Created\": \"1970-01-02T00:00:00Z\"");
    String manifest =
        Fixtures.run("skopeo", "inspect", "--raw", "oci:" + dir.resolve("layout") + ":v1");
    assertThat(manifest).contains("application/vnd.oci.image.layer.v1.tar+zstd");
    assertThat(result.outputs())
        .containsExactly(
            "oci:" + dir.resolve("layout") + ":v1",
            "docker-archive:" + archive + ":example/image:v1");
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
