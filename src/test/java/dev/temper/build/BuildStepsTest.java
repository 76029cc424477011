package dev.temper.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.archive.Content;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStepsTest {
  @TempDir Path dir;

  @Test
  void mergedUsrRewritesRelativeLinks() {
    FileEntry moved = MergedUsr.move(FileEntry.symlink("bin/tool", "../usr/lib/tool/run"));

    assertThat(moved.path()).isEqualTo("usr/bin/tool");
    assertThat(moved.linkTarget()).isEqualTo("../lib/tool/run");
  }

  @Test
  void mergedUsrKeepsSameDirectoryLinks() {
    FileEntry moved = MergedUsr.move(FileEntry.symlink("lib/x/libz.so.1", "libz.so.1.2"));

    assertThat(moved.path()).isEqualTo("usr/lib/x/libz.so.1");
    assertThat(moved.linkTarget()).isEqualTo("libz.so.1.2");
  }

  @Test
  void treeResolvesThroughLinks() {
    FileTree tree = new FileTree();
    tree.put(FileEntry.file("usr/lib/x/ld.so", 0755, Content.EMPTY), "libc6");
    tree.put(FileEntry.symlink("usr/lib64/ld.so", "/lib/x/ld.so"), "libc6");
    MergedUsr.link(tree);

    assertThat(tree.resolve("lib64/ld.so")).contains("usr/lib/x/ld.so");
    assertThat(tree.resolve("lib64/missing")).isEmpty();
  }

  @Test
  void treeDetectsLinkLoops() {
    FileTree tree = new FileTree();
    tree.put(FileEntry.symlink("a", "b"), "x");
    tree.put(FileEntry.symlink("b", "a"), "x");

    assertThat(tree.resolve("a")).isEmpty();
  }

  @Test
  void escapeCheckCountsDepth() {
    assertThat(FileTree.escapesRoot("usr/lib/x", "../../etc")).isFalse();
    assertThat(FileTree.escapesRoot("usr/lib/x", "../../../etc")).isTrue();
    assertThat(FileTree.escapesRoot("usr/lib/x", "/etc/../../..")).isFalse();
  }

  @Test
  void globMatchesSegmentsAndBelow() {
    assertThat(Glob.of("/usr/share/locale").matches("usr/share/locale/de/x.mo")).isTrue();
    assertThat(Glob.of("usr/bin/*").matches("usr/bin/a")).isTrue();
    assertThat(Glob.of("usr/*/a").matches("usr/x/y/a")).isFalse();
    assertThat(Glob.of("usr/**/a").matches("usr/x/y/a")).isTrue();
    assertThat(Glob.of("lib*").matches("libc6")).isTrue();
    assertThat(Glob.of("lib*").matches("glibc")).isFalse();
  }

  @Test
  void trustStoreBytesAreStable() throws Exception {
    Path pem = Fixtures.certificate(dir, "stable");
    var certificates = CertificateStores.parse(Files.readAllBytes(pem), pem.toString());
    Map<String, java.security.cert.X509Certificate> byAlias = new LinkedHashMap<>();
    byAlias.put("temper:stable.pem", certificates.get(0));

    byte[] first = TrustStoreWriter.write(byAlias);
    byte[] second = TrustStoreWriter.write(byAlias);

    assertThat(second).isEqualTo(first);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new java.io.ByteArrayInputStream(first), "changeit".toCharArray());
    assertThat(store.isCertificateEntry("temper:stable.pem")).isTrue();
    assertThat(store.getCertificate("temper:stable.pem")).isEqualTo(certificates.get(0));
  }

  @Test
  void damagedCertificateIsNamedPlainly() throws Exception {
    Path pem = Fixtures.certificate(dir, "damaged");
    List<String> lines = new ArrayList<>(Files.readAllLines(pem));
    // Zero bytes in place of the inner SEQUENCE header, still valid base64.
    lines.set(1, lines.get(1).substring(0, 4) + "A".repeat(12) + lines.get(1).substring(16));
    byte[] damaged = String.join("\n", lines).getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> CertificateStores.parse(damaged, "certs/damaged.pem"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "certs/damaged.pem: invalid certificate: not a valid PEM or DER X.509 certificate");
  }

  @Test
  void trustStoreMacRejectsWrongPassword() throws Exception {
    Path pem = Fixtures.certificate(dir, "mac");
    var certificate = CertificateStores.parse(Files.readAllBytes(pem), "mac").get(0);
    byte[] store = TrustStoreWriter.write(Map.of("a", certificate));

    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> keyStore.load(new java.io.ByteArrayInputStream(store), "wrong".toCharArray()))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void keytoolListsTrustStore() throws Exception {
    Path pem = Fixtures.certificate(dir, "listed");
    var certificate = CertificateStores.parse(Files.readAllBytes(pem), "listed").get(0);
    Path store = dir.resolve("cacerts");
    Files.write(store, TrustStoreWriter.write(Map.of("debian:listed.pem", certificate)));

    String listing =
        Fixtures.run("keytool", "-list", "-keystore", store.toString(), "-storepass", "changeit");

    assertThat(listing).contains("debian:listed.pem").contains("trustedCertEntry");
  }

  @Test
  void layersRepeatParentDirectoriesWithTheirOwners() {
    FileTree tree = new FileTree();
    tree.put(
        new FileEntry("home/nonroot", EntryType.DIRECTORY, 0700, 65532, 65532, null, null),
        AccountFiles.ORIGIN);
    tree.put(
        FileEntry.file(
            "home/nonroot/app.jar", 0644, Content.of("x".getBytes(StandardCharsets.UTF_8))),
        ApplicationFiles.ORIGIN);

    List<LayerPlan.Layer> layers = LayerPlan.plan(tree, Map.of());

    LayerPlan.Layer application = layers.get(layers.size() - 1);
    assertThat(application.name()).isEqualTo(LayerPlan.APPLICATION);
    FileEntry home =
        application.entries().stream()
            .filter(e -> e.path().equals("home/nonroot"))
            .findFirst()
            .orElseThrow();
    assertThat(home.uid()).isEqualTo(65532);
    assertThat(home.mode()).isEqualTo(0700);
  }

  @Test
  void defaultGroupsFollowDependenciesOfTheBase() {
    UnpackedPackage libc = unpacked("libc6", "libgcc-s1 (>= 3.0)");
    UnpackedPackage gcc = unpacked("libgcc-s1", "");
    UnpackedPackage jre = unpacked("openjdk-17-jre-headless", "libc6, zlib1g | libz");
    UnpackedPackage zlib = unpacked("zlib1g", "libc6");

    Map<String, Set<String>> groups = LayerPlan.groups(List.of(libc, gcc, jre, zlib), List.of());

    assertThat(groups.get("base system")).containsExactly("libc6", "libgcc-s1");
    assertThat(groups.get("runtime")).containsExactly("openjdk-17-jre-headless", "zlib1g");
  }

  @Test
  void hardeningKeepsCopyrightFiles() {
    FileTree tree = new FileTree();
    tree.put(FileEntry.file("usr/share/doc/a/copyright", 0644, Content.EMPTY), "a");
    tree.put(FileEntry.file("usr/share/doc/a/changelog.gz", 0644, Content.EMPTY), "a");
    tree.put(FileEntry.symlink("usr/share/doc/b", "a"), "b");
    tree.put(FileEntry.file("usr/bin/dash", 0755, Content.EMPTY), "dash");
    tree.put(FileEntry.file("usr/lib/locale/x", 0644, Content.EMPTY), "x");

    List<Removal> removals = Hardening.apply(tree, List.of("usr/lib/locale"));

    assertThat(removals)
        .containsExactly(
            new Removal("/usr/bin/dash", "shell"),
            new Removal("/usr/lib/locale", "pruned by the spec"),
            new Removal("/usr/lib/locale/x", "pruned by the spec"),
            new Removal("/usr/share/doc/a/changelog.gz", "documentation"));
    assertThat(tree.contains("usr/share/doc/a/copyright")).isTrue();
    assertThat(tree.contains("usr/share/doc/b")).isTrue();
  }

  private static UnpackedPackage unpacked(String name, String depends) {
    Lock.Package pin =
        new Lock.Package(name, "1", "amd64", name, "1", "r", "s", "f", 1, "0".repeat(64), false);
    Map<String, String> fields = depends.isEmpty() ? Map.of() : Map.of("Depends", depends);
    return new UnpackedPackage(pin, "Package: " + name + "\n", fields, Map.of(), List.of());
  }
}
