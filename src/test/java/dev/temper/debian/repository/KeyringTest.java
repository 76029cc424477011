package dev.temper.debian.repository;

import static dev.temper.testing.TestPackage.pkg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import dev.temper.testing.PublishedArchive;
import dev.temper.testing.TestArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads keyrings from files and from the keys shipped with temper. */
class KeyringTest {
  /** Primary keys of the bookworm and trixie archive keys shipped as resources. */
  private static final List<String> BUNDLED_FINGERPRINTS =
      List.of(
          "B8B80B5B623EAB6AD8775C45B7C5D7D6350947F8",
          "05AB90340C0C5E797F44A8C8254CF3B5AEC0A8F0",
          "4D64FEC119C2029067D6E791F8D2585B8783D481",
          "04B54C3CDCA79751B16BC6B5225629DF75B188BD",
          "5E04A1E3223A19A20706E20F9904613D4CCE68C6",
          "41587F7DB8C774BCCF131416762F67A0B2C39DE4");

  @TempDir Path dir;

  private PublishedArchive publish(String name) throws Exception {
    return TestArchive.create(dir.resolve(name)).add(pkg(name, "1.0")).publish();
  }

  @Test
  void binaryAndArmoredFilesLoad() throws Exception {
    PublishedArchive archive = publish("first");

    Keyring binary = Keyring.load(List.of(archive.publicKey()));
    Keyring armored = Keyring.load(List.of(archive.armoredPublicKey()));

    assertThat(binary.fingerprints()).containsExactly(archive.signerFingerprint());
    assertThat(armored.fingerprints()).containsExactly(archive.signerFingerprint());
  }

  @Test
  void severalFilesMerge() throws Exception {
    PublishedArchive first = publish("first");
    PublishedArchive second = publish("second");

    Keyring keyring = Keyring.load(List.of(first.publicKey(), second.armoredPublicKey()));

    assertThat(keyring.fingerprints())
        .containsExactly(first.signerFingerprint(), second.signerFingerprint());
  }

  @Test
  void concatenatedArmorBlocksLoad() throws Exception {
    PublishedArchive first = publish("first");
    PublishedArchive second = publish("second");
    Path both = dir.resolve("both.asc");
    Files.writeString(
        both,
        Files.readString(first.armoredPublicKey())
            + "\n"
            + Files.readString(second.armoredPublicKey()));

    assertThat(Keyring.load(List.of(both)).fingerprints())
        .containsExactly(first.signerFingerprint(), second.signerFingerprint());
  }

  @Test
  void bundledKeysAreDebianArchiveKeys() throws Exception {
    assertThat(Keyring.bundledDebianKeys().fingerprints())
        .containsExactlyElementsOf(BUNDLED_FINGERPRINTS);
  }

  @Test
  void defaultFallsBackToBundledKeys() throws Exception {
    Keyring keyring = Keyring.debianDefault(dir.resolve("no-such-keyring.gpg"));

    assertThat(keyring.fingerprints()).containsExactlyElementsOf(BUNDLED_FINGERPRINTS);
  }

  @Test
  void defaultPrefersHostKeyring() throws Exception {
    PublishedArchive archive = publish("host");

    Keyring keyring = Keyring.debianDefault(archive.publicKey());

    assertThat(keyring.fingerprints()).containsExactly(archive.signerFingerprint());
  }

  @Test
  void emptyFileFails() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.gpg"));

    assertThatThrownBy(() -> Keyring.load(List.of(empty)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid keyring " + empty + ": the file is empty");
  }

  @Test
  void textFileFails() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.asc"), "these are not keys\n");

    assertThatThrownBy(() -> Keyring.load(List.of(text)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid keyring " + text + ": not an OpenPGP public keyring");
  }

  @Test
  void armorWithBadChecksumFails() throws Exception {
    Path armor =
        Files.writeString(
            dir.resolve("broken.asc"),
            "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n=AAAA\n-----END PGP PUBLIC KEY BLOCK-----\n");

    assertThatThrownBy(() -> Keyring.load(List.of(armor)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid keyring " + armor + ": not an OpenPGP public keyring");
  }

  @Test
  void unterminatedArmorFails() throws Exception {
    Path armor =
        Files.writeString(dir.resolve("cut.asc"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n");

    assertThatThrownBy(() -> Keyring.load(List.of(armor)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid keyring " + armor + ": it contains no public key");
  }

  @Test
  void keyboxFails() throws Exception {
    byte[] header = {0, 0, 0, 32, 1, 1, 0, 0, 'K', 'B', 'X', 'f', 0, 0, 0, 0};
    Path keybox = Files.write(dir.resolve("pubring.kbx"), header);

    assertThatThrownBy(() -> Keyring.load(List.of(keybox)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "invalid keyring "
                + keybox
                + ": it is a GnuPG keybox, export the keys with 'gpg --export' to get a keyring");
  }

  @Test
  void missingFileFails() {
    Path missing = dir.resolve("missing.gpg");

    assertThatThrownBy(() -> Keyring.load(List.of(missing)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("cannot read keyring " + missing + ": " + missing);
  }
}
