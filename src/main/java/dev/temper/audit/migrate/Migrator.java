package dev.temper.audit.migrate;

import dev.temper.audit.dockerfile.Dockerfile;
import dev.temper.audit.dockerfile.DockerfileLinter;
import dev.temper.audit.dockerfile.Instruction;
import dev.temper.audit.dockerfile.Stage;
import dev.temper.audit.migrate.Migration.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites a Dockerfile so that its final stage runs on a hardened base. Build steps stay in a
 * builder stage, and only the artifacts are copied into the final stage, which runs as the non-root
 * user with its command in exec form. Whatever a base without a shell or package manager cannot do
 * is reported for a person to decide, never dropped silently.
 */
public final class Migrator {
  /** Instructions that configure the container rather than build files. */
  private static final Set<String> RUNTIME =
      Set.of(
          "CMD",
          "ENTRYPOINT",
          "EXPOSE",
          "USER",
          "HEALTHCHECK",
          "VOLUME",
          "STOPSIGNAL",
          "LABEL",
          "ONBUILD");

  private final Dockerfile dockerfile;
  private final MigrationOptions options;
  private final List<Note> changes = new ArrayList<>();
  private final List<Note> manual = new ArrayList<>();

  private Migrator(Dockerfile dockerfile, MigrationOptions options) {
    this.dockerfile = dockerfile;
    this.options = options;
  }

  /** Migrates a parsed Dockerfile. */
  public static Migration migrate(Dockerfile dockerfile, MigrationOptions options) {
    return new Migrator(dockerfile, options).run();
  }

  private Migration run() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> directive : dockerfile.directives().entrySet()) {
      out.append("# ")
          .append(directive.getKey())
          .append('=')
          .append(directive.getValue())
          .append('\n');
    }
    for (Instruction arg : dockerfile.globalArgs()) {
      out.append(arg.source()).append('\n');
    }
    Stage last = dockerfile.finalStage();
    for (Stage stage : dockerfile.stages()) {
      if (stage != last) {
        appendStage(out, stage.from().source(), stage.instructions());
      }
    }
    boolean builds = last.instructions().stream().anyMatch(i -> i.keyword().equals("RUN"));
    String builder = null;
    if (builds) {
      builder = builderName(last);
      appendBuilder(out, last, builder);
    }
    new FinalStage(dockerfile, last, builder, options, changes, manual).append(out);
    reportSecrets(last);
    return new Migration(out.toString(), changes, manual);
  }

  /**
   * Reports secrets in the final stage's ENV and ARG, which the hardened stage keeps as written.
   */
  private void reportSecrets(Stage last) {
    for (dev.temper.audit.dockerfile.LintFinding finding : DockerfileLinter.lint(dockerfile)) {
      if (finding.rule().equals("TD007") && finding.line() >= last.from().line()) {
        manual.add(
            new Note(
                finding.line(),
                finding.message()
                    + "; it was kept as written, so remove it and pass the value at run time."));
      }
    }
  }

  private static void appendStage(StringBuilder out, String from, List<Instruction> instructions) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(from).append('\n');
    for (Instruction instruction : instructions) {
      out.append(instruction.source()).append('\n');
    }
  }

  private void appendBuilder(StringBuilder out, Stage stage, String builder) {
    List<Instruction> buildSteps = new ArrayList<>();
    for (Instruction instruction : stage.instructions()) {
      if (!RUNTIME.contains(instruction.keyword())) {
        buildSteps.add(instruction);
      }
    }
    String from = "FROM " + flags(stage.from()) + stage.image() + " AS " + builder;
    appendStage(out, from, buildSteps);
    changes.add(
        new Note(
            stage.from().line(),
            "The build steps of the final stage now run in a builder stage '"
                + builder
                + "' on the original base "
                + stage.image()
                + "; the hardened stage only receives their output."));
    for (Instruction instruction : stage.instructions()) {
      if (instruction.keyword().equals("RUN") && Commands.installsPackages(instruction)) {
        manual.add(
            new Note(
                instruction.line(),
                "This RUN installs packages with a package manager. They stay in the builder stage"
                    + " and are not in the hardened image: add what the application needs at run"
                    + " time to the base image's spec."));
      }
    }
  }

  private String builderName(Stage stage) {
    String name = Optional.ofNullable(stage.name()).orElse("build");
    String candidate = name;
    int suffix = 2;
    while (stage.name() == null && dockerfile.stage(candidate).isPresent()) {
      candidate = name + "-" + suffix++;
    }
    return candidate;
  }

  static String flags(Instruction from) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> flag : from.flags().entrySet()) {
      text.append("--").append(flag.getKey()).append('=').append(flag.getValue()).append(' ');
    }
    return text.toString();
  }
}
