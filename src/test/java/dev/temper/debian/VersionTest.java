package dev.temper.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.testing.DpkgVersions;
import dev.temper.testing.DpkgVersions.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionTest {
  /** Hand-picked pairs with the order dpkg gives them: a, relation, b. */
  private static final String[][] ORDERED = {
    {"1.0", "<", "1.1"},
    {"1.2.3", "<", "1.10"},
    {"1:0.1", ">", "2.0"},
    {"1:1.0", "<", "2:0.1"},
    {"0001:1.0", "=", "1:1.0"},
    {"0:1.0", "=", "1.0"},
    {"1.0", "=", "1.00"},
    {"1.0", "=", "1.0-0"},
    {"1.000-00", "=", "0:1.0"},
    {"01.0", "=", "1.0"},
    {"1.0", "=", "1."},
    {"1.0.0", ">", "1.0"},
    {"1.0.0", "=", "1.0."},
    {"1.0", "<", "1.0-1"},
    {"1.0~rc1", "<", "1.0"},
    {"1.0~~", "<", "1.0~~a"},
    {"1.0~~a", "<", "1.0~"},
    {"1.0~", "<", "1.0"},
    {"1.0", "<", "1.0a"},
    {"1.0~", "=", "1.0~0"},
    {"1.0", "<", "1.0+b1"},
    {"1.0", "<", "1.0+"},
    {"1.0a", "<", "1.0+"},
    {"1.0a", "<", "1.0."},
    {"1.0Z", "<", "1.0a"},
    {"1.0+", "<", "1.0."},
    {"1.0+a-1", "<", "1.0-a-1"},
    {"1.0-a-1", "<", "1.0.a-1"},
    {"1.0-1", "<", "1.0-1.1"},
    {"1.0-1~bpo12+1", "<", "1.0-1"},
    {"1.0-a", ">", "1.0-0a"},
    {"1.0a", "<", "1.0.1"},
    {"1.0.a", ">", "1.0.0a"},
    {"2.36-9", "<", "2.36-9+deb12u1"},
    {"7.88.1-10+deb12u5", ">", "7.88.1-10+deb12u4"},
    {"1.010", "=", "1.10"},
    {"1.0010", ">", "1.9"},
    {"1.123456789012345678901234567890", ">", "1.123456789012345678901234567889"},
    {"1.123456789012345678901234567890", "<", "1.123456789012345678901234567890.0.1"},
    {"1.0000000000000000000000000001", "=", "1.1"},
    {"99999999999999999999999", ">", "9999999999999999999999"},
    {"18446744073709551616", ">", "18446744073709551615"},
    {"1.0-00000000000000000000000000000000000001", "=", "1.0-1"},
    {"2147483647:1.0", ">", "2147483646:9.9"},
    {"1:1:1", ">", "1:1"},
    {"1.0--1", ">", "1.0-1"},
  };

  @Test
  void handPickedPairsOrderAsExpected() {
    for (String[] pair : ORDERED) {
      int actual = Integer.signum(Version.parse(pair[0]).compareTo(Version.parse(pair[2])));
      assertThat(actual).as("%s %s %s", pair[0], pair[1], pair[2]).isEqualTo(expected(pair[1]));
    }
  }

  @Test
  void handPickedPairsMatchDpkg(@TempDir Path work) throws Exception {
    List<String[]> pairs = new ArrayList<>();
    for (String[] pair : ORDERED) {
      pairs.add(new String[] {pair[0], pair[2]});
    }
    List<Integer> dpkg = DpkgVersions.compare(pairs, work, 2);
    for (int i = 0; i < ORDERED.length; i++) {
      String[] pair = ORDERED[i];
      assertThat(dpkg.get(i))
          .as("dpkg: %s %s %s", pair[0], pair[1], pair[2])
          .isEqualTo(expected(pair[1]));
    }
  }

  @Test
  void equalsAndHashCodeAgreeWithCompareTo() {
    for (String[] pair : ORDERED) {
      Version a = Version.parse(pair[0]);
      Version b = Version.parse(pair[2]);
      boolean same = a.compareTo(b) == 0;
      assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(same);
      assertThat(b.equals(a)).as("%s equals %s", b, a).isEqualTo(same);
      if (same) {
        assertThat(a.hashCode()).as("hash of %s and %s", a, b).isEqualTo(b.hashCode());
      }
    }
  }

  @Test
  void compareToIsAntisymmetric() {
    for (String[] pair : ORDERED) {
      Version a = Version.parse(pair[0]);
      Version b = Version.parse(pair[2]);
      assertThat(Integer.signum(b.compareTo(a)))
          .as("%s vs %s", b, a)
          .isEqualTo(-Integer.signum(a.compareTo(b)));
    }
  }

  @Test
  void partsAreSplitAtFirstColonAndLastHyphen() {
    Version version = Version.parse("3:1.2-rc-4+deb12u1");
    assertThat(version.epoch()).isEqualTo(3);
    assertThat(version.upstream()).isEqualTo("1.2-rc");
    assertThat(version.revision()).isEqualTo("4+deb12u1");
  }

  @Test
  void toStringKeepsTextWithoutSurroundingWhitespace() {
    assertThat(Version.parse(" 0:1.00-0 ").toString()).isEqualTo("0:1.00-0");
  }

  @Test
  void largestEpochIsAccepted() {
    assertThat(Version.parse("2147483647:1.0").epoch()).isEqualTo(2147483647L);
  }

  /**
   * Invalid and borderline versions: the text, what dpkg 1.21 says about it, and the message of
   * {@link Version#parse}, or {@code ok} where it accepts the text. Every dpkg error is rejected
   * here too, dpkg warnings are rejected as well, and {@code +1:1.0} and the empty string, which
   * dpkg accepts, are rejected because an index never contains them.
   */
  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          ""                       | VALID   | invalid version '': version is empty
          " "                      | ERROR   | invalid version ' ': version is empty
          1 0                      | ERROR   | invalid version '1 0': contains whitespace
          :1.0                     | ERROR   | invalid version ':1.0': epoch is empty
          a:1.0                    | ERROR   | invalid version 'a:1.0': epoch is not a number
          1a:1.0                   | ERROR   | invalid version '1a:1.0': epoch is not a number
          -1:1.0                   | ERROR   | invalid version '-1:1.0': epoch is not a number
          +1:1.0                   | VALID   | invalid version '+1:1.0': epoch is not a number
          2147483648:1.0           | ERROR   | invalid version '2147483648:1.0': epoch is too big, the maximum is 2147483647
          99999999999999999999:1.0 | ERROR   | invalid version '99999999999999999999:1.0': epoch is too big, the maximum is 2147483647
          1:                       | ERROR   | invalid version '1:': nothing after the epoch colon
          1.0-                     | ERROR   | invalid version '1.0-': revision is empty
          -1                       | ERROR   | invalid version '-1': upstream version is empty
          1:-1                     | ERROR   | invalid version '1:-1': upstream version is empty
          1.0-1:2                  | ERROR   | invalid version '1.0-1:2': epoch is not a number
          a1.0                     | WARNING | invalid version 'a1.0': upstream version must start with a digit
          ~1                       | WARNING | invalid version '~1': upstream version must start with a digit
          1::1                     | WARNING | invalid version '1::1': upstream version must start with a digit
          1.0_1                    | WARNING | invalid version '1.0_1': invalid character '_' in upstream version
          1.0é                     | WARNING | invalid version '1.0é': invalid character 'é' in upstream version
          1.0-1_2                  | WARNING | invalid version '1.0-1_2': invalid character '_' in revision
          1.0-1.+~                 | VALID   | ok
          " 1.0 "                  | VALID   | ok
          0000000001:1.0           | VALID   | ok
          2147483647:1.0           | VALID   | ok
          1:1:1                    | VALID   | ok
          1.0--1                   | VALID   | ok
          1.0-~                    | VALID   | ok
          1.0-a                    | VALID   | ok
          """)
  void parseMatchesDpkgOnBadSyntax(String text, Verdict dpkgVerdict, String message)
      throws Exception {
    assertThat(DpkgVersions.verdict(text)).as("dpkg verdict").isEqualTo(dpkgVerdict);
    if (message.equals("ok")) {
      assertThat(Version.parse(text).toString()).isEqualTo(text.strip());
    } else {
      assertThatThrownBy(() -> Version.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message);
    }
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> Version.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid version: null");
  }

  private static int expected(String relation) {
    return switch (relation) {
      case "<" -> -1;
      case "=" -> 0;
      case ">" -> 1;
      default -> throw new IllegalArgumentException(relation);
    };
  }
}
