package dev.temper.error;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Escaping for text that reaches a terminal. Error messages quote what users and peers supplied,
 * such as an unknown option, a path in a tar file or a registry's error body. A terminal would act
 * on the escape sequences and line breaks in them.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /**
   * Returns {@code text} with each control character replaced by a backslash, {@code u} and the
   * character's four hex digits.
   */
  public static String escape(String text) {
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        if (escaped == null) {
          escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        escaped.append(String.format("\\u%04x", (int) c));
      } else if (escaped != null) {
        escaped.append(c);
      }
    }
    return escaped == null ? text : escaped.toString();
  }

  /**
   * Returns the stack trace that {@link Throwable#printStackTrace()} writes for {@code failure},
   * with the control characters escaped within each line. The line separators between the lines of
   * the trace and the tabs that indent them stay, and the text ends with a line separator.
   */
  public static String escapeStackTrace(Throwable failure) {
    StringWriter trace = new StringWriter();
    try (PrintWriter writer = new PrintWriter(trace)) {
      failure.printStackTrace(writer);
    }
    String text = trace.toString();
    // Each message is escaped whole first, so that a line feed in a message cannot start a line
    // that reads as part of the trace.
    for (Throwable throwable : chain(failure)) {
      String heading = throwable.toString();
      text = text.replace(heading, escape(heading));
    }
    String separator = System.lineSeparator();
    StringBuilder escaped = new StringBuilder(text.length());
    for (String line : text.split(Pattern.quote(separator))) {
      // The tabs that indent frames and nested causes stay, and every later tab is escaped.
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == '\t') {
        indent++;
      }
      escaped.append(line, 0, indent).append(escape(line.substring(indent))).append(separator);
    }
    return escaped.toString();
  }

  /** Returns {@code failure} with its causes and suppressed exceptions, each once. */
  private static Set<Throwable> chain(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(failure, seen);
    return seen;
  }

  private static void collect(Throwable throwable, Set<Throwable> seen) {
    if (throwable == null || !seen.add(throwable)) {
      return;
    }
    collect(throwable.getCause(), seen);
    for (Throwable suppressed : throwable.getSuppressed()) {
      collect(suppressed, seen);
    }
  }
}
