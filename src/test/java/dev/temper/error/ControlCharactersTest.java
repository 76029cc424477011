package dev.temper.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {
  @Test
  void plainTextIsReturnedUnchanged() {
    String text = "pull of a/b failed: ünïcode stays";

    assertThat(ControlCharacters.escape(text)).isSameAs(text);
  }

  @Test
  void controlCharactersBecomeUnicodeEscapes() {
    assertThat(ControlCharacters.escape("a\u001b[31mb\nc\td\u007fe\u0085"))
        .isEqualTo("a\\u001b[31mb\\u000ac\\u0009d\\u007fe\\u0085");
  }
}
