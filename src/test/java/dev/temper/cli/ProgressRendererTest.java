package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressRendererTest {
  private final StringWriter output = new StringWriter();

  /** A clock that tests move forward by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private ProgressRenderer renderer(boolean terminal, Clock clock) {
    return new ProgressRenderer(new PrintWriter(output), terminal, clock);
  }

  @Test
  void plainModePrintsOneLinePerFile() {
    ProgressRenderer renderer = renderer(false, new ManualClock());
    renderer.batchStarted(2, 3000);
    renderer.started("a.deb", 1000);
    renderer.started("b.deb", 2000);
    renderer.progressed("a.deb", 1000);
    renderer.progressed("b.deb", 512);
    renderer.retrying("b.deb", 1, Duration.ofSeconds(1), "HTTP 503");
    renderer.progressed("b.deb", 2000);
    renderer.finished("b.deb");
    renderer.finished("a.deb");
    renderer.close();

    assertThat(output.toString())
        .isEqualTo(
            "fetched b.deb (2000 bytes)"
                + System.lineSeparator()
                + "fetched a.deb (1000 bytes)"
                + System.lineSeparator());
  }

  @Test
  void terminalModeRedrawsOneLine() {
    ManualClock clock = new ManualClock();
    ProgressRenderer renderer = renderer(true, clock);
    renderer.batchStarted(2, 3 * 1024 * 1024);
    renderer.started("a.deb", 1024 * 1024);
    clock.advance(Duration.ofSeconds(1));
    renderer.progressed("a.deb", 512 * 1024);
    renderer.finished("a.deb");
    renderer.close();

    assertThat(output.toString())
        .isEqualTo(
            "\rFetched 0 of 2 files, 0 B of 3.0 MiB"
                + "\rFetched 0 of 2 files, 512.0 KiB of 3.0 MiB"
                + "\rFetched 1 of 2 files, 512.0 KiB of 3.0 MiB"
                + System.lineSeparator());
  }

  @Test
  void terminalModeLimitsRedrawRate() {
    ManualClock clock = new ManualClock();
    ProgressRenderer renderer = renderer(true, clock);
    renderer.started("a.deb", 100);
    renderer.progressed("a.deb", 10);
    renderer.progressed("a.deb", 20);
    clock.advance(Duration.ofMillis(100));
    renderer.progressed("a.deb", 30);

    assertThat(output.toString())
        .isEqualTo("\rFetched 0 of 1 files, 0 B of 100 B\rFetched 0 of 1 files, 30 B of 100 B");
  }

  @Test
  void terminalModeCountsRetries() {
    ProgressRenderer renderer = renderer(true, new ManualClock());
    renderer.started("a.deb", 2048);
    renderer.retrying("a.deb", 1, Duration.ofSeconds(2), "HTTP 503");
    renderer.finished("a.deb");

    assertThat(output.toString())
        .isEqualTo(
            "\rFetched 0 of 1 files, 0 B of 2.0 KiB"
                + "\rFetched 0 of 1 files, 0 B of 2.0 KiB, 1 retry"
                + "\rFetched 1 of 1 files, 0 B of 2.0 KiB, 1 retry");
  }

  @Test
  void terminalModePadsShorterLine() {
    ManualClock clock = new ManualClock();
    ProgressRenderer renderer = renderer(true, clock);
    renderer.started("a.deb", 2048);
    clock.advance(Duration.ofSeconds(1));
    renderer.progressed("a.deb", 1536);
    clock.advance(Duration.ofSeconds(1));
    renderer.progressed("a.deb", 10);

    assertThat(output.toString())
        .isEqualTo(
            "\rFetched 0 of 1 files, 0 B of 2.0 KiB"
                + "\rFetched 0 of 1 files, 1.5 KiB of 2.0 KiB"
                + "\rFetched 0 of 1 files, 10 B of 2.0 KiB   ");
  }

  @Test
  void closeWithoutOutputPrintsNothing() {
    renderer(true, new ManualClock()).close();

    assertThat(output.toString()).isEmpty();
  }

  @Test
  void formatBytesUsesBinaryUnits() {
    assertThat(ProgressRenderer.formatBytes(0)).isEqualTo("0 B");
    assertThat(ProgressRenderer.formatBytes(1023)).isEqualTo("1023 B");
    assertThat(ProgressRenderer.formatBytes(1536)).isEqualTo("1.5 KiB");
    assertThat(ProgressRenderer.formatBytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
  }
}
