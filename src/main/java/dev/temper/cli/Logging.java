package dev.temper.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Sets the SLF4J simple logger's level from {@code -v} and {@code --debug} before any logger
 * exists, because slf4j-simple reads its configuration once.
 */
final class Logging {
  private static boolean debug;

  private Logging() {}

  static void configure(String[] args) {
    List<String> list = Arrays.asList(args);
    debug = list.contains("--debug");
    String level =
        debug ? "debug" : list.contains("-v") || list.contains("--verbose") ? "info" : "warn";
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
    System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
  }

  static boolean debugEnabled() {
    return debug;
  }
}
