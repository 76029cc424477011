package dev.temper.debian.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parses Release text. */
class ReleaseFileTest {
  private static final String NAME = "example Release";
  private static final String HASH_A =
      "d6c9c82f4e61b4662f9ba16b9ebb379c57b4943f8b7813091d1f637325ddfb79";
  private static final String HASH_B =
      "C22D03BDD4C7619E1E39E73B4A7B9DFDF1CC1141ED9B10913FBCAC58B3A943D0";

  private static final String RELEASE =
      "Origin: Debian\n"
          + "Label: Debian-Security\n"
          + "Suite: stable-security\n"
          + "Version: 12\n"
          + "Codename: bookworm-security\n"
          + "Date: Sat, 10 Feb 2024 10:00:00 UTC\n"
          + "Valid-Until: Sat, 17 Feb 2024 10:00:00 UTC\n"
          + "Acquire-By-Hash: yes\n"
          + "NotAutomatic: yes\n"
          + "ButAutomaticUpgrades: yes\n"
          + "Architectures: amd64 arm64\n"
          + "Components: updates/main updates/contrib\n"
          + "Description: Debian 12 - Security Updates\n"
          + "MD5Sum:\n"
          + " 0ed6d4c8891eb86358b94bb35d9e4da4  1484322 main/binary-amd64/Packages\n"
          + "SHA256:\n"
          + " "
          + HASH_A
          + "  1484322 main/binary-amd64/Packages\n"
          + " "
          + HASH_B
          + "    98581 main/binary-amd64/Packages.xz\n";

  @Test
  void fieldsParse() throws Exception {
    ReleaseFile release = ReleaseFile.parse(RELEASE, NAME);

    assertThat(release.origin()).isEqualTo("Debian");
    assertThat(release.label()).isEqualTo("Debian-Security");
    assertThat(release.suite()).isEqualTo("stable-security");
    assertThat(release.codename()).isEqualTo("bookworm-security");
    assertThat(release.version()).isEqualTo("12");
    assertThat(release.date()).isEqualTo(Instant.parse("2024-02-10T10:00:00Z"));
    assertThat(release.validUntil()).contains(Instant.parse("2024-02-17T10:00:00Z"));
    assertThat(release.acquireByHash()).isTrue();
    assertThat(release.notAutomatic()).isTrue();
    assertThat(release.butAutomaticUpgrades()).isTrue();
    assertThat(release.architectures()).containsExactly("amd64", "arm64");
    assertThat(release.components()).containsExactly("updates/main", "updates/contrib");
  }

  @Test
  void sha256EntriesParse() throws Exception {
    ReleaseFile release = ReleaseFile.parse(RELEASE, NAME);

    assertThat(release.sha256Entries().keySet())
        .containsExactly("main/binary-amd64/Packages", "main/binary-amd64/Packages.xz");
    assertThat(release.sha256Entry("main/binary-amd64/Packages.xz"))
        .contains(
            new ReleaseFile.FileEntry(
                "main/binary-amd64/Packages.xz", 98581, HASH_B.toLowerCase()));
    assertThat(release.sha256Entry("main/binary-amd64/Packages.gz")).isEmpty();
  }

  @Test
  void minimalReleaseHasDefaults() throws Exception {
    String minimal =
        "Date: Sat, 10 Feb 2024 10:00:00 UTC\nSHA256:\n " + HASH_A + " 1 main/Packages\n";

    ReleaseFile release = ReleaseFile.parse(minimal, NAME);

    assertThat(release.suite()).isNull();
    assertThat(release.validUntil()).isEmpty();
    assertThat(release.acquireByHash()).isFalse();
    assertThat(release.architectures()).isEmpty();
  }

  @Test
  void fieldNamesIgnoreCase() throws Exception {
    String text = RELEASE.replace("Suite:", "suite:").replace("SHA256:", "Sha256:");

    assertThat(ReleaseFile.parse(text, NAME).suite()).isEqualTo("stable-security");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Sat, 10 Feb 2024 10:00:00 UTC | 2024-02-10T10:00:00Z",
        "Sat, 10 Feb 2024 10:00:00 GMT | 2024-02-10T10:00:00Z",
        "Sat, 10 Feb 2024 10:00:00 +0000 | 2024-02-10T10:00:00Z",
        "Sat, 10 Feb 2024 12:00:00 +0200 | 2024-02-10T10:00:00Z",
        "Sat, 10 Feb 2024 05:30:00 -04:30 | 2024-02-10T10:00:00Z",
        "10 Feb 2024 10:00:00 UTC | 2024-02-10T10:00:00Z",
        "Thu,  1 Feb 2024 10:00:00 UTC | 2024-02-01T10:00:00Z",
        "Mon, 1 feb 2024 10:00 Z | 2024-02-01T10:00:00Z",
      })
  void datesParse(String text, String expected) throws Exception {
    String release = RELEASE.replace("Sat, 10 Feb 2024 10:00:00 UTC", text);

    assertThat(ReleaseFile.parse(release, NAME).date()).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-02-10T10:00:00Z",
        "Sat, 10 Feb 2024 10:00:00",
        "Sat, 31 Feb 2024 10:00:00 UTC",
        "Sat, 10 Foo 2024 10:00:00 UTC",
        "Sat, 10 Feb 2024 25:00:00 UTC",
      })
  void invalidDatesFail(String text) {
    String release = RELEASE.replace("Sat, 10 Feb 2024 10:00:00 UTC", text);

    assertThatThrownBy(() -> ReleaseFile.parse(release, NAME))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            NAME
                + ": invalid Date '"
                + text
                + "', expected a date such as 'Sat, 10 Feb 2024 10:00:00 UTC'");
  }

  @Test
  void missingDateFails() {
    assertFails(RELEASE.replace("Date:", "X-Date:"), NAME + ": missing Date field");
  }

  @Test
  void missingSha256Fails() {
    String text = RELEASE.substring(0, RELEASE.indexOf("SHA256:"));

    assertFails(text, NAME + ": missing SHA256 field");
  }

  @Test
  void emptySha256Fails() {
    String text = RELEASE.substring(0, RELEASE.indexOf("SHA256:")) + "SHA256:\n";

    assertFails(text, NAME + ": the SHA256 field lists no files");
  }

  @Test
  void shortHashFails() {
    assertFails(
        RELEASE.replace(HASH_A, HASH_A.substring(1)),
        NAME
            + ": invalid SHA-256 '"
            + HASH_A.substring(1)
            + "' for main/binary-amd64/Packages, expected 64 hex digits");
  }

  @Test
  void negativeSizeFails() {
    assertFails(
        RELEASE.replace(HASH_A + "  1484322", HASH_A + "  -1"),
        NAME + ": invalid size '-1' for main/binary-amd64/Packages");
  }

  @Test
  void missingPathFails() {
    assertFails(
        RELEASE.replace(HASH_A + "  1484322 main/binary-amd64/Packages", HASH_A + "  1484322"),
        NAME + ": invalid SHA256 line '" + HASH_A + "  1484322', expected 'hash size path'");
  }

  @Test
  void repeatedPathFails() {
    String text = RELEASE + " " + HASH_A + " 1 main/binary-amd64/Packages\n";

    assertFails(text, NAME + ": SHA256 lists main/binary-amd64/Packages more than once");
  }

  @Test
  void repeatedFieldFails() {
    assertFails("Suite: stable\n" + RELEASE, NAME + ": line 4: field Suite appears twice");
  }

  @Test
  void secondParagraphFails() {
    assertFails(RELEASE + "\nSuite: other\n", NAME + ": line 20: a second paragraph starts here");
  }

  @Test
  void lineWithoutColonFails() {
    assertFails(
        "Origin Debian\n" + RELEASE,
        NAME + ": line 1: expected 'Field: value' but got 'Origin Debian'");
  }

  @Test
  void invalidYesNoFails() {
    assertFails(
        RELEASE.replace("Acquire-By-Hash: yes", "Acquire-By-Hash: maybe"),
        NAME + ": invalid Acquire-By-Hash 'maybe', expected yes or no");
  }

  private static void assertFails(String text, String message) {
    assertThatThrownBy(() -> ReleaseFile.parse(text, NAME))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
  }
}
