package dev.temper.testing;

import static dev.temper.testing.TestPackage.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.debian.repository.ReleaseFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.XZInputStream;

/** Checks the archive that the fixture builds with dpkg-deb, gpg and gpgv. */
class TestArchiveTest {
  @TempDir Path dir;

  private PublishedArchive publishTwoPackages() throws Exception {
    return TestArchive.create(dir)
        .suite("stable")
        .codename("trixie")
        .component("main")
        .arch("amd64")
        .arch("arm64")
        .add(
            pkg("hello", "1:2.10-3")
                .depends("libc6 (>= 2.36)")
                .provides("greeter")
                .file("/usr/bin/hello", "#!/bin/sh\necho hello\n"),
            pkg("hello-data", "2.10-3").arch("all").multiArch("foreign"))
        .publish();
  }

  @Test
  void packagesIndexDescribesDebs() throws Exception {
    PublishedArchive archive = publishTwoPackages();
    String index = Files.readString(archive.packagesIndex("main", "amd64"));
    byte[] deb = Files.readAllBytes(archive.deb("hello"));

    assertThat(archive.poolFiles())
        .containsExactly(
            "pool/main/h/hello/hello_2.10-3_amd64.deb",
            "pool/main/h/hello-data/hello-data_2.10-3_all.deb");
    assertThat(index).contains("Package: hello\nVersion: 1:2.10-3\nArchitecture: amd64\n");
    assertThat(index).contains("Depends: libc6 (>= 2.36)\nProvides: greeter\n");
    assertThat(index).contains("Package: hello-data\n");
    assertThat(index).contains("Filename: pool/main/h/hello/hello_2.10-3_amd64.deb\n");
    assertThat(index).contains("Size: " + deb.length + "\n");
    assertThat(index).contains("SHA256: " + Hashes.sha256(deb) + "\n");
    assertThat(index).contains("MD5sum: " + Hashes.md5(deb) + "\n");
  }

  @Test
  void archIndexSkipsOtherArchitectures() throws Exception {
    PublishedArchive archive = publishTwoPackages();
    String index = Files.readString(archive.packagesIndex("main", "arm64"));

    assertThat(index).startsWith("Package: hello-data\n");
    assertThat(index).doesNotContain("Package: hello\n");
  }

  @Test
  void debIsReadableByDpkgDeb() throws Exception {
    PublishedArchive archive = publishTwoPackages();
    String deb = archive.deb("hello").toString();

    String fields =
        Commands.run(dir, Map.of(), List.of("dpkg-deb", "--field", deb, "Package", "Version"));
    String contents = Commands.run(dir, Map.of(), List.of("dpkg-deb", "--contents", deb));

    assertThat(fields).isEqualTo("Package: hello\nVersion: 1:2.10-3\n");
    assertThat(contents).contains("root/root").contains("./usr/bin/hello");
  }

  @Test
  void compressedIndexesMatchPlain() throws Exception {
    PublishedArchive archive = publishTwoPackages();
    Path plain = archive.packagesIndex("main", "amd64");
    byte[] expected = Files.readAllBytes(plain);

    try (InputStream gz =
            new GZIPInputStream(Files.newInputStream(plain.resolveSibling("Packages.gz")));
        InputStream xz =
            new XZInputStream(Files.newInputStream(plain.resolveSibling("Packages.xz")))) {
      assertThat(gz.readAllBytes()).isEqualTo(expected);
      assertThat(xz.readAllBytes()).isEqualTo(expected);
    }
  }

  @Test
  void releaseListsIndexHashes() throws Exception {
    PublishedArchive archive = publishTwoPackages();
    ReleaseFile release = ReleaseFile.parse(Files.readString(archive.release()), "Release");

    assertThat(release.codename()).isEqualTo("trixie");
    assertThat(release.architectures()).containsExactly("amd64", "arm64");
    assertThat(release.sha256Entries()).hasSize(6);
    for (ReleaseFile.FileEntry entry : release.sha256Entries().values()) {
      byte[] content = Files.readAllBytes(archive.suiteDir().resolve(entry.path()));
      assertThat(content).as(entry.path()).hasSize((int) entry.size());
      assertThat(Hashes.sha256(content)).as(entry.path()).isEqualTo(entry.sha256());
    }
  }

  @Test
  void gpgvAcceptsInRelease() throws Exception {
    PublishedArchive archive = publishTwoPackages();

    List<String> command =
        List.of(
            "gpgv",
            "--status-fd",
            "1",
            "--keyring",
            archive.publicKey().toString(),
            archive.inRelease().toString());
    String status = Commands.run(dir, Map.of(), command);

    assertThat(status).contains("[GNUPG:] VALIDSIG " + archive.signerFingerprint());
  }

  @Test
  void byHashHoldsIndexCopies() throws Exception {
    PublishedArchive archive =
        TestArchive.create(dir).acquireByHash().add(pkg("tiny", "1.0")).publish();
    Path packages = archive.packagesIndex("main", "amd64");
    byte[] xz = Files.readAllBytes(packages.resolveSibling("Packages.xz"));

    Path copy = packages.resolveSibling("by-hash/SHA256/" + Hashes.sha256(xz));

    assertThat(copy).hasBinaryContent(xz);
    assertThat(Files.readString(archive.release(), StandardCharsets.UTF_8))
        .contains("Acquire-By-Hash: yes\n");
  }

  @Test
  void armoredKeyMatchesBinaryKey() throws IOException, Exception {
    PublishedArchive archive = TestArchive.create(dir).add(pkg("tiny", "1.0")).publish();

    String dearmored =
        Commands.run(
            dir,
            Map.of(),
            List.of(
                "sh",
                "-c",
                "gpg --dearmor < \"$0\" | sha256sum",
                archive.armoredPublicKey().toString()));

    assertThat(dearmored).startsWith(Hashes.sha256(Files.readAllBytes(archive.publicKey())));
  }
}
