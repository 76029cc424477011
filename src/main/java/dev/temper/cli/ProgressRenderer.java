package dev.temper.cli;

import dev.temper.cache.DownloadListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Shows download progress. On a terminal it redraws one status line with the files and bytes done.
 * Elsewhere, such as in CI logs, it prints one line per fetched file. Retries are only counted on
 * the status line, because the downloader already logs each one at warn level.
 */
public final class ProgressRenderer implements DownloadListener, AutoCloseable {
  /** Minimum time between two redraws caused by incoming bytes. */
  private static final Duration REDRAW_INTERVAL = Duration.ofMillis(100);

  private final PrintWriter out;
  private final boolean terminal;
  private final Clock clock;
  private final Map<String, Long> bytesInFlight = new HashMap<>();
  private int batchFiles = -1;
  private long batchBytes = -1;
  private int startedFiles;
  private long startedBytes;
  private int finishedFiles;
  private long finishedBytes;
  private int retries;
  private int lastLineLength;
  private Instant lastDraw;

  /**
   * Creates a renderer.
   *
   * @param terminal whether {@code out} is a terminal that understands a carriage return
   * @param clock the clock that limits how often the status line is redrawn
   */
  public ProgressRenderer(PrintWriter out, boolean terminal, Clock clock) {
    this.out = out;
    this.terminal = terminal;
    this.clock = clock;
  }

  /**
   * Creates a renderer on standard error, in terminal mode when {@link System#console()} exists,
   * that is when standard input and output are a terminal.
   */
  public static ProgressRenderer forStandardError() {
    return new ProgressRenderer(
        new PrintWriter(System.err, true), System.console() != null, Clock.systemUTC());
  }

  @Override
  public synchronized void batchStarted(int files, long totalBytes) {
    batchFiles = files;
    batchBytes = totalBytes;
  }

  @Override
  public synchronized void started(String name, long totalBytes) {
    startedFiles++;
    startedBytes += Math.max(0, totalBytes);
    bytesInFlight.put(name, 0L);
    redraw();
  }

  @Override
  public synchronized void progressed(String name, long bytesSoFar) {
    bytesInFlight.put(name, bytesSoFar);
    if (lastDraw == null || !clock.instant().isBefore(lastDraw.plus(REDRAW_INTERVAL))) {
      redraw();
    }
  }

  @Override
  public synchronized void finished(String name) {
    Long bytes = bytesInFlight.remove(name);
    long size = bytes == null ? 0 : bytes;
    finishedFiles++;
    finishedBytes += size;
    if (terminal) {
      redraw();
    } else {
      out.println("fetched " + name + " (" + size + " bytes)");
      out.flush();
    }
  }

  @Override
  public synchronized void retrying(String name, int failedAttempt, Duration delay, String reason) {
    retries++;
    redraw();
  }

  /** Ends the status line, so that later output starts on a new line. */
  @Override
  public synchronized void close() {
    if (terminal && lastLineLength > 0) {
      out.println();
      lastLineLength = 0;
    }
    out.flush();
  }

  private void redraw() {
    if (!terminal) {
      return;
    }
    String line = statusLine();
    int padding = Math.max(0, lastLineLength - line.length());
    out.print("\r" + line + " ".repeat(padding));
    out.flush();
    lastLineLength = line.length();
    lastDraw = clock.instant();
  }

  private String statusLine() {
    int totalFiles = batchFiles >= 0 ? Math.max(batchFiles, startedFiles) : startedFiles;
    long totalBytes = batchBytes >= 0 ? Math.max(batchBytes, startedBytes) : startedBytes;
    long doneBytes = finishedBytes;
    for (long inFlight : bytesInFlight.values()) {
      doneBytes += inFlight;
    }
    String line =
        "Fetched "
            + finishedFiles
            + " of "
            + totalFiles
            + " files, "
            + formatBytes(doneBytes)
            + " of "
            + formatBytes(totalBytes);
    if (retries > 0) {
      line += ", " + retries + (retries == 1 ? " retry" : " retries");
    }
    return line;
  }

  /** Formats a byte count with binary units, such as {@code 1.5 MiB}. */
  static String formatBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
