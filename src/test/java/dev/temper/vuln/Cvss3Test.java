package dev.temper.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Cvss3Test {
  // Scores as NVD publishes them for these vectors.
  @ParameterizedTest
  @CsvSource({
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
    "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H, 7.8",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N, 6.1",
    "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N, 5.9",
    "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N, 6.5",
    "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N, 1.6",
    "CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:L/I:L/A:N, 4.8",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N, 0.0",
  })
  void baseScoreMatchesPublishedScore(String vector, double expected) {
    assertThat(Cvss3.baseScore(vector)).isEqualTo(expected);
  }

  @Test
  void severityBands() {
    assertThat(Severity.fromScore(9.8)).isEqualTo(Severity.CRITICAL);
    assertThat(Severity.fromScore(7.8)).isEqualTo(Severity.HIGH);
    assertThat(Severity.fromScore(6.9)).isEqualTo(Severity.MEDIUM);
    assertThat(Severity.fromScore(3.9)).isEqualTo(Severity.LOW);
  }

  @Test
  void rejectsMissingMetric() {
    assertThatThrownBy(() -> Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H"))
        .hasMessage(
            "invalid CVSS v3 vector CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H: base metric A is"
                + " missing");
  }

  @Test
  void rejectsOtherVersions() {
    assertThatThrownBy(() -> Cvss3.baseScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N"))
        .hasMessageStartingWith("not a CVSS v3 vector");
  }
}
