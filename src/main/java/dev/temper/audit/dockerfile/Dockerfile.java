package dev.temper.audit.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Dockerfile.
 *
 * @param directives the parser directives at the top, such as {@code syntax} and {@code escape},
 *     keys in lower case
 * @param escape the escape character, {@code \} unless a directive sets {@code `}
 * @param globalArgs the {@code ARG} instructions before the first {@code FROM}
 * @param stages the build stages, in order
 * @param lineCount the number of lines in the file
 */
public record Dockerfile(
    Map<String, String> directives,
    char escape,
    List<Instruction> globalArgs,
    List<Stage> stages,
    int lineCount) {

  public Dockerfile {
    directives = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(directives));
    globalArgs = List.copyOf(globalArgs);
    stages = List.copyOf(stages);
  }

  /** Returns the last stage, which is the image a plain build produces. */
  public Stage finalStage() {
    return stages.get(stages.size() - 1);
  }

  /** Returns the stage with the given name (case-insensitive, as BuildKit compares them). */
  public Optional<Stage> stage(String name) {
    return stages.stream()
        .filter(s -> s.name() != null && s.name().equalsIgnoreCase(name))
        .findFirst();
  }

  /** Returns whether an image reference names an earlier build stage. */
  public boolean isStageName(String image, int beforeIndex) {
    return stages.stream()
        .limit(beforeIndex)
        .anyMatch(s -> s.name() != null && s.name().equalsIgnoreCase(image));
  }
}
