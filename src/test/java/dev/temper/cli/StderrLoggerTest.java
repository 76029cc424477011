package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class StderrLoggerTest {
  private final PrintStream original = System.err;

  @AfterEach
  void restore() {
    System.setErr(original);
    StderrLogger.setThreshold(Level.WARN);
  }

  private static String capture(Level threshold, Runnable logging) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    StderrLogger.setThreshold(threshold);
    logging.run();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesLevelAndFormattedMessage() {
    StderrLogger logger = new StderrLogger("x");

    String out = capture(Level.INFO, () -> logger.info("pulled {} of {}", 3, "4"));

    assertThat(out).isEqualTo("[INFO] pulled 3 of 4" + System.lineSeparator());
  }

  @Test
  void dropsEventsBelowThreshold() {
    StderrLogger logger = new StderrLogger("x");

    String out =
        capture(
            Level.WARN,
            () -> {
              logger.debug("d");
              logger.info("i");
              logger.warn("w");
            });

    assertThat(out).isEqualTo("[WARN] w" + System.lineSeparator());
    assertThat(logger.isInfoEnabled()).isFalse();
    assertThat(logger.isWarnEnabled()).isTrue();
  }

  @Test
  void debugThresholdPassesDebug() {
    StderrLogger logger = new StderrLogger("x");

    String out = capture(Level.DEBUG, () -> logger.debug("GET {} -> HTTP {}", "/v2/", 200));

    assertThat(out).isEqualTo("[DEBUG] GET /v2/ -> HTTP 200" + System.lineSeparator());
  }

  @Test
  void attachedExceptionPrintsItsTrace() {
    StderrLogger logger = new StderrLogger("x");

    String out =
        capture(Level.WARN, () -> logger.warn("failed", new IllegalStateException("boom")));

    assertThat(out).startsWith("[WARN] failed" + System.lineSeparator());
    assertThat(out).contains("java.lang.IllegalStateException: boom");
  }

  @Test
  void controlCharactersInMessageAreEscaped() {
    StderrLogger logger = new StderrLogger("x");

    String out =
        capture(Level.WARN, () -> logger.warn("bad layer {}", "\u001b[2J\u001b]0;pwned\u0007"));

    assertThat(out)
        .isEqualTo("[WARN] bad layer \\u001b[2J\\u001b]0;pwned\\u0007" + System.lineSeparator());
  }

  @Test
  void controlCharactersInTraceAreEscaped() {
    StderrLogger logger = new StderrLogger("x");
    IllegalStateException failure =
        new IllegalStateException("boom\u001b[2J\nforged line", new Exception("\u0007cause"));

    String out = capture(Level.WARN, () -> logger.warn("failed", failure));

    assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007");
    assertThat(out).contains("java.lang.IllegalStateException: boom\\u001b[2J\\u000aforged line");
    assertThat(out).contains("Caused by: java.lang.Exception: \\u0007cause");
    assertThat(out.lines()).noneMatch(line -> line.startsWith("forged line"));
    assertThat(out.lines().filter(line -> line.startsWith("\tat "))).isNotEmpty();
  }
}
