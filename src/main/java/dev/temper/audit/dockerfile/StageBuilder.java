package dev.temper.audit.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Groups parsed instructions into build stages and checks the rules that span instructions. */
final class StageBuilder {
  private static final Set<String> NEED_ARGUMENTS =
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
          "HEALTHCHECK");

  private StageBuilder() {}

  static Dockerfile build(
      String file,
      Map<String, String> directives,
      char escape,
      List<Instruction> instructions,
      int lineCount)
      throws DockerfileSyntaxException {
    List<Instruction> globalArgs = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    Instruction from = null;
    List<Instruction> body = new ArrayList<>();
    for (Instruction instruction : instructions) {
      checkArguments(file, instruction);
      if (instruction.keyword().equals("FROM")) {
        if (from != null) {
          stages.add(stage(file, stages.size(), from, body));
        }
        from = instruction;
        body = new ArrayList<>();
      } else if (from == null) {
        if (!instruction.keyword().equals("ARG")) {
          throw new DockerfileSyntaxException(
              file,
              instruction.line(),
              1,
              instruction.keyword() + " before the first FROM: only ARG may come before FROM");
        }
        globalArgs.add(instruction);
      } else {
        body.add(instruction);
      }
    }
    if (from == null) {
      throw new DockerfileSyntaxException(file, Math.max(1, lineCount), 1, "no FROM instruction");
    }
    stages.add(stage(file, stages.size(), from, body));
    return new Dockerfile(directives, escape, globalArgs, stages, lineCount);
  }

  private static void checkArguments(String file, Instruction instruction)
      throws DockerfileSyntaxException {
    boolean empty = instruction.arguments().isEmpty() && instruction.heredocs().isEmpty();
    if (empty && NEED_ARGUMENTS.contains(instruction.keyword())) {
      throw new DockerfileSyntaxException(
          file,
          instruction.line(),
          instruction.keyword().length() + 1,
          instruction.keyword() + " needs at least one argument");
    }
    boolean copies = instruction.keyword().equals("COPY") || instruction.keyword().equals("ADD");
    if (copies && instruction.heredocs().isEmpty() && words(instruction).size() < 2) {
      throw new DockerfileSyntaxException(
          file,
          instruction.line(),
          instruction.keyword().length() + 2,
          instruction.keyword() + " needs a source and a destination");
    }
  }

  private static Stage stage(String file, int index, Instruction from, List<Instruction> body)
      throws DockerfileSyntaxException {
    List<String> words = words(from);
    String name = null;
    if (words.size() == 3 && words.get(1).equalsIgnoreCase("AS")) {
      name = words.get(2);
    } else if (words.size() != 1) {
      throw new DockerfileSyntaxException(
          file,
          from.line(),
          6,
          "FROM takes an image and an optional 'AS name', got: " + from.arguments());
    }
    return new Stage(index, from, words.get(0), name, from.flags().get("platform"), body);
  }

  private static List<String> words(Instruction instruction) {
    if (instruction.isExecForm()) {
      return instruction.execForm();
    }
    String text = instruction.arguments().strip();
    return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
  }
}
