package dev.temper.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultiArchTest {
  @ParameterizedTest
  @CsvSource({"no, NO", "same, SAME", "foreign, FOREIGN", "allowed, ALLOWED", "'', NO"})
  void valuesAreParsed(String text, MultiArch expected) {
    assertThat(MultiArch.parse(text)).isEqualTo(expected);
  }

  @Test
  void absentFieldMeansNo() {
    assertThat(MultiArch.parse(null)).isEqualTo(MultiArch.NO);
  }

  @Test
  void unknownValueIsRejected() {
    assertThatThrownBy(() -> MultiArch.parse("Same"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown Multi-Arch value 'Same'");
  }
}
