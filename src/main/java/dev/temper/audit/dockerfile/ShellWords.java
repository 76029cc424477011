package dev.temper.audit.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a shell-form command into words when that needs no shell: plain words, single and double
 * quotes and backslash escapes. A command that uses anything a shell would interpret at run time
 * (variables, globs, pipes, redirections, lists, subshells, command substitution) has no exec-form
 * equivalent, so splitting returns empty.
 */
public final class ShellWords {
  private static final String OPERATORS = "|&;<>()`";
  private static final String GLOBS = "*?[";

  private ShellWords() {}

  /** Returns the words of a command, or empty when only a shell could run it as written. */
  public static Optional<List<String>> split(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < command.length()) {
      char c = command.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = command.indexOf('\'', i + 1);
        if (end < 0) {
          return Optional.empty();
        }
        word.append(command, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        int end = i + 1;
        while (end < command.length() && command.charAt(end) != '"') {
          char d = command.charAt(end);
          if (d == '$' || d == '`') {
            return Optional.empty();
          }
          if (d == '\\'
              && end + 1 < command.length()
              && "\"\\$`".indexOf(command.charAt(end + 1)) >= 0) {
            end++;
          }
          word.append(command.charAt(end));
          end++;
        }
        if (end >= command.length()) {
          return Optional.empty();
        }
        inWord = true;
        i = end + 1;
      } else if (c == '\\') {
        if (i + 1 >= command.length()) {
          return Optional.empty();
        }
        word.append(command.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (c == '$' || OPERATORS.indexOf(c) >= 0 || GLOBS.indexOf(c) >= 0) {
        return Optional.empty();
      } else if ((c == '~' || c == '#') && !inWord) {
        return Optional.empty();
      } else if (c == '=' && words.isEmpty()) {
        // A leading NAME=value sets a variable for the command, which only a shell does.
        return Optional.empty();
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words.isEmpty() ? Optional.empty() : Optional.of(words);
  }
}
