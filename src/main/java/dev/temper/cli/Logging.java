package dev.temper.cli;

import java.util.Arrays;
import java.util.List;
import org.slf4j.event.Level;

/**
 * Chooses the level of the command line's log output from {@code -v} and {@code --debug}, and
 * points SLF4J at {@link StderrLoggerProvider} before any logger exists.
 */
final class Logging {
  private static boolean debug;

  private Logging() {}

  static void configure(String[] args) {
    // Words after "--" are parameters, such as a file named --debug, and never options.
    List<String> list = Arrays.asList(args);
    int optionsEnd = list.indexOf("--");
    if (optionsEnd >= 0) {
      list = list.subList(0, optionsEnd);
    }
    debug = list.contains("--debug");
    Level level =
        debug
            ? Level.DEBUG
            : list.contains("-v") || list.contains("--verbose") ? Level.INFO : Level.WARN;
    StderrLogger.setThreshold(level);
    // Naming the provider spares SLF4J a search of the class path. SLF4J reports that choice at
    // its own info level, which only its warnings should pass.
    System.setProperty("slf4j.provider", StderrLoggerProvider.class.getName());
    System.setProperty("slf4j.internal.verbosity", "WARN");
  }

  static boolean debugEnabled() {
    return debug;
  }
}
