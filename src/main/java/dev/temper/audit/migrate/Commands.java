package dev.temper.audit.migrate;

import dev.temper.audit.dockerfile.Instruction;
import dev.temper.audit.dockerfile.ShellWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Facts about CMD, ENTRYPOINT and RUN commands that migration decides by: exec form, build tool,
 * JAR.
 */
final class Commands {
  private static final Pattern PACKAGE_INSTALL =
      Pattern.compile(
          "\\b(apt-get|apt|apk|yum|dnf|microdnf|zypper)\\s+(-\\S+\\s+)*(install|add)\\b");
  private static final Pattern MAVEN =
      Pattern.compile("(^|[\\s/;&])(mvn|mvnw)\\b.*\\b(package|install|verify)\\b");
  private static final Pattern GRADLE =
      Pattern.compile(
          "(^|[\\s/;&])(gradle|gradlew)\\b.*\\b(build|bootJar|jar|assemble|installDist)\\b");

  private Commands() {}

  /**
   * Returns the words of a CMD or ENTRYPOINT in exec form, or empty when only a shell can run it.
   */
  static Optional<List<String>> execWords(Instruction instruction) {
    if (instruction.isExecForm()) {
      return Optional.of(instruction.execForm());
    }
    return ShellWords.split(instruction.arguments());
  }

  /** Returns whether a RUN installs packages through a distribution's package manager. */
  static boolean installsPackages(Instruction run) {
    return PACKAGE_INSTALL.matcher(text(run)).find();
  }

  /** Returns whether a RUN builds with Maven. */
  static boolean runsMaven(Instruction run) {
    return MAVEN.matcher(text(run)).find();
  }

  /** Returns whether a RUN builds with Gradle. */
  static boolean runsGradle(Instruction run) {
    return GRADLE.matcher(text(run)).find();
  }

  /** Returns the JAR that {@code java -jar JAR} runs, if the words run one. */
  static Optional<String> jarOf(List<String> words) {
    for (int i = 0; i + 1 < words.size(); i++) {
      if (words.get(i).equals("-jar")) {
        return Optional.of(words.get(i + 1));
      }
    }
    return Optional.empty();
  }

  /** Returns whether the words start a Java launcher. */
  static boolean isJava(List<String> words) {
    if (words.isEmpty()) {
      return false;
    }
    String first = words.get(0);
    return first.equals("java") || first.endsWith("/java");
  }

  /** Returns the words with a bare {@code java} replaced by the base image's launcher path. */
  static List<String> withJavaPath(List<String> words, String javaPath) {
    List<String> result = new ArrayList<>(words);
    if (!result.isEmpty() && result.get(0).equals("java")) {
      result.set(0, javaPath);
    }
    return result;
  }

  /** Returns the JSON array form of the words, as a Dockerfile writes exec form. */
  static String json(List<String> words) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append('"');
      for (char c : words.get(i).toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
    return out.append(']').toString();
  }

  private static String text(Instruction run) {
    StringBuilder text =
        new StringBuilder(run.isExecForm() ? String.join(" ", run.execForm()) : run.arguments());
    for (Instruction.Heredoc heredoc : run.heredocs()) {
      text.append('\n').append(heredoc.body());
    }
    return text.toString();
  }
}
