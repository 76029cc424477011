package dev.temper.audit.dockerfile;

import java.util.List;
import java.util.Optional;

/**
 * One build stage: a {@code FROM} instruction and the instructions up to the next one.
 *
 * @param index the 0-based position of the stage in the file
 * @param from the {@code FROM} instruction
 * @param image the base image as written, such as {@code eclipse-temurin:17-jre} or a stage name
 * @param name the name given with {@code AS}, or null
 * @param platform the {@code --platform} flag, or null
 * @param instructions the instructions after {@code FROM}, in order
 */
public record Stage(
    int index,
    Instruction from,
    String image,
    String name,
    String platform,
    List<Instruction> instructions) {

  public Stage {
    instructions = List.copyOf(instructions);
  }

  /** Returns the stage name, if it has one. */
  public Optional<String> stageName() {
    return Optional.ofNullable(name);
  }

  /** Returns the instructions with the given keyword, in order. */
  public List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  /** Returns the last instruction with the given keyword, if any. */
  public Optional<Instruction> last(String keyword) {
    List<Instruction> matches = all(keyword);
    return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(matches.size() - 1));
  }
}
