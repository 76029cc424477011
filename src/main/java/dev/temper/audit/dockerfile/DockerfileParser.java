package dev.temper.audit.dockerfile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Dockerfiles the way BuildKit's front end reads them: parser directives at the top, line
 * continuations with the escape character, comments, here-documents after {@code RUN}, {@code COPY}
 * and {@code ADD}, exec and shell forms, and {@code ARG} before the first {@code FROM}. Every pass
 * over the text is linear, so a very long line costs time in proportion to its length.
 */
public final class DockerfileParser {
  /** Dockerfiles larger than this are rejected; real ones are a few KiB. */
  public static final long MAX_BYTES = 16L << 20;

  static final Set<String> KEYWORDS =
      Set.of(
          "FROM",
          "RUN",
          "CMD",
          "LABEL",
          "MAINTAINER",
          "EXPOSE",
          "ENV",
          "ADD",
          "COPY",
          "ENTRYPOINT",
          "VOLUME",
          "USER",
          "WORKDIR",
          "ARG",
          "ONBUILD",
          "STOPSIGNAL",
          "HEALTHCHECK",
          "SHELL");

  private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
  private static final Set<String> HEREDOC_KEYWORDS = Set.of("RUN", "COPY", "ADD");
  private static final Set<String> EXEC_FORM_KEYWORDS =
      Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "VOLUME", "COPY", "ADD", "HEALTHCHECK");
  private static final Pattern DIRECTIVE =
      Pattern.compile("#\\s*([A-Za-z][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*");
  private static final Pattern KEYWORD = Pattern.compile("[A-Za-z]+");
  private static final Pattern HEREDOC =
      Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String file;
  private final List<String> lines;
  private final Map<String, String> directives = new LinkedHashMap<>();
  private char escape = '\\';
  private int next;

  private DockerfileParser(String file, List<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  /**
   * Reads and parses a Dockerfile.
   *
   * @throws DockerfileSyntaxException with the line and column of the first problem
   * @throws InvalidInputException when the file is larger than {@link #MAX_BYTES}
   */
  public static Dockerfile parse(Path path) throws IOException, InvalidInputException {
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException(
          path + ": " + (Files.exists(path) ? "not a regular file" : "file not found"));
    }
    long size = Files.size(path);
    if (size > MAX_BYTES) {
      throw new InvalidInputException(
          path + ": " + size + " bytes is larger than the Dockerfile limit of " + MAX_BYTES);
    }
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidInputException(path + ": not a UTF-8 text file, so not a Dockerfile", e);
    }
    return parse(text, path.toString());
  }

  /**
   * Parses Dockerfile text.
   *
   * @param file names the file in error messages
   * @throws DockerfileSyntaxException with the line and column of the first problem
   */
  public static Dockerfile parse(String text, String file) throws DockerfileSyntaxException {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = List.of(text.split("\r?\n", -1));
    return new DockerfileParser(file, lines).parseAll();
  }

  private Dockerfile parseAll() throws DockerfileSyntaxException {
    readDirectives();
    List<Instruction> instructions = new ArrayList<>();
    while (next < lines.size()) {
      String line = lines.get(next);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        next++;
        continue;
      }
      instructions.add(readInstruction());
    }
    return StageBuilder.build(file, directives, escape, instructions, lines.size());
  }

  private void readDirectives() throws DockerfileSyntaxException {
    while (next < lines.size()) {
      Matcher m = DIRECTIVE.matcher(lines.get(next));
      if (!m.matches()) {
        return;
      }
      String key = m.group(1).toLowerCase(Locale.ROOT);
      if (!DIRECTIVES.contains(key)) {
        return;
      }
      if (directives.containsKey(key)) {
        throw error(next + 1, 1, "parser directive '" + key + "' is given twice");
      }
      String value = m.group(2);
      if (key.equals("escape")) {
        if (!value.equals("\\") && !value.equals("`")) {
          throw error(
              next + 1, m.start(2) + 1, "invalid escape character '" + value + "': use \\ or `");
        }
        escape = value.charAt(0);
      }
      directives.put(key, value);
      next++;
    }
  }

  private Instruction readInstruction() throws DockerfileSyntaxException {
    int start = next;
    StringBuilder logical = new StringBuilder();
    while (next < lines.size()) {
      String line = lines.get(next++);
      if (logical.length() > 0 && isCommentOrBlank(line)) {
        continue;
      }
      String right = line.stripTrailing();
      if (!right.isEmpty() && right.charAt(right.length() - 1) == escape) {
        logical.append(right, 0, right.length() - 1);
        continue;
      }
      logical.append(line);
      break;
    }
    String text = logical.toString();
    int indent = text.length() - text.stripLeading().length();
    Matcher keywordMatch = KEYWORD.matcher(text);
    if (!keywordMatch.find(indent) || keywordMatch.start() != indent) {
      throw error(start + 1, indent + 1, "expected an instruction");
    }
    String keyword = keywordMatch.group().toUpperCase(Locale.ROOT);
    if (!KEYWORDS.contains(keyword)) {
      throw error(start + 1, indent + 1, "unknown instruction '" + keywordMatch.group() + "'");
    }
    int afterKeyword = keywordMatch.end();
    if (afterKeyword < text.length() && !Character.isWhitespace(text.charAt(afterKeyword))) {
      throw error(start + 1, afterKeyword + 1, "expected a space after " + keyword);
    }
    String rest = text.substring(afterKeyword).strip();

    List<Instruction.Heredoc> heredocs = new ArrayList<>();
    if (HEREDOC_KEYWORDS.contains(keyword)) {
      heredocs = readHeredocs(rest, start);
    }
    Map<String, String> flags = new LinkedHashMap<>();
    rest = takeFlags(keyword, rest, flags);
    List<String> execForm = null;
    if (EXEC_FORM_KEYWORDS.contains(keyword) && rest.startsWith("[")) {
      execForm = parseJsonArray(rest);
    }
    if (keyword.equals("SHELL") && execForm == null) {
      throw error(
          start + 1, afterKeyword + 2, "SHELL needs a JSON array, such as [\"/bin/sh\", \"-c\"]");
    }
    String source = String.join("\n", lines.subList(start, next));
    return new Instruction(keyword, flags, rest, execForm, heredocs, start + 1, next, source);
  }

  private List<Instruction.Heredoc> readHeredocs(String rest, int start)
      throws DockerfileSyntaxException {
    List<Instruction.Heredoc> heredocs = new ArrayList<>();
    Matcher m = HEREDOC.matcher(rest);
    while (m.find()) {
      boolean stripTabs = !m.group(1).isEmpty();
      String delimiter = m.group(3);
      List<String> body = new ArrayList<>();
      boolean closed = false;
      while (next < lines.size()) {
        String line = lines.get(next++);
        String compared = stripTabs ? line.replaceFirst("^\t+", "") : line;
        if (compared.equals(delimiter)) {
          closed = true;
          break;
        }
        body.add(compared);
      }
      if (!closed) {
        throw error(
            start + 1,
            1,
            "here-document '" + delimiter + "' is not closed before the end of the file");
      }
      heredocs.add(new Instruction.Heredoc(delimiter, String.join("\n", body), stripTabs));
    }
    return heredocs;
  }

  private static String takeFlags(String keyword, String rest, Map<String, String> flags) {
    if (keyword.equals("ONBUILD")) {
      return rest;
    }
    String remaining = rest;
    while (remaining.startsWith("--")) {
      int end = 0;
      while (end < remaining.length() && !Character.isWhitespace(remaining.charAt(end))) {
        end++;
      }
      String flag = remaining.substring(2, end);
      int equals = flag.indexOf('=');
      if (equals < 0) {
        flags.put(flag.toLowerCase(Locale.ROOT), "true");
      } else {
        flags.put(flag.substring(0, equals).toLowerCase(Locale.ROOT), flag.substring(equals + 1));
      }
      remaining = remaining.substring(end).stripLeading();
    }
    return remaining;
  }

  /** Returns the array as strings, or null when the text is not a JSON array of strings. */
  private static List<String> parseJsonArray(String text) {
    try {
      List<Object> values = JSON.readValue(text, new TypeReference<List<Object>>() {});
      List<String> strings = new ArrayList<>();
      for (Object value : values) {
        if (!(value instanceof String s)) {
          return null;
        }
        strings.add(s);
      }
      return strings;
    } catch (IOException e) {
      // BuildKit falls back to the shell form when the brackets do not hold valid JSON.
      return null;
    }
  }

  private boolean isCommentOrBlank(String line) {
    String trimmed = line.strip();
    return trimmed.isEmpty() || trimmed.startsWith("#");
  }

  private DockerfileSyntaxException error(int line, int column, String problem) {
    return new DockerfileSyntaxException(file, line, column, problem);
  }
}
