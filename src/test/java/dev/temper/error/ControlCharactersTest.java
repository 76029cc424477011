package dev.temper.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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

  @Test
  void stackTraceKeepsLinesAndEscapesMessages() {
    Exception failure = new Exception("first\u001b[2J\rsecond\nthird");
    failure.addSuppressed(new IllegalStateException("\u0007suppressed"));
    StringWriter plain = new StringWriter();
    failure.printStackTrace(new PrintWriter(plain, true));

    String escaped = ControlCharacters.escapeStackTrace(failure);

    assertThat(escaped)
        .startsWith(
            "java.lang.Exception: first\\u001b[2J\\u000dsecond\\u000athird"
                + System.lineSeparator()
                + "\tat ");
    assertThat(escaped).contains("Suppressed: java.lang.IllegalStateException: \\u0007suppressed");
    assertThat(escaped).endsWith(System.lineSeparator());
    assertThat(escaped).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r");
    // The two message line breaks are escaped, so the trace has two lines fewer.
    assertThat(escaped.lines().count()).isEqualTo(plain.toString().lines().count() - 2);
  }
}
