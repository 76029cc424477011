package dev.temper.cli;

import dev.temper.error.ControlCharacters;
import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Writes log events at or above the level that {@code -v} and {@code --debug} choose to standard
 * error, as {@code [LEVEL] message}, with the stack trace of an attached exception. Messages quote
 * registry responses, file contents and paths, so their control characters are escaped.
 */
final class StderrLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private static volatile Level threshold = Level.WARN;

  StderrLogger(String name) {
    this.name = name;
  }

  /** Sets the lowest level that is written, for every logger. */
  static void setThreshold(Level level) {
    threshold = level;
  }

  private static boolean enabled(Level level) {
    return level.toInt() >= threshold.toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable failure) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    // System.err is looked up on each event, so a test that replaces it receives the output.
    PrintStream err = System.err;
    synchronized (err) {
      err.println("[" + level + "] " + ControlCharacters.escape(message));
      if (failure != null) {
        err.print(ControlCharacters.escapeStackTrace(failure));
        err.flush();
      }
    }
  }
}
