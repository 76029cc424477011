package dev.temper.audit.migrate;

import dev.temper.audit.dockerfile.Dockerfile;
import dev.temper.audit.dockerfile.Instruction;
import dev.temper.audit.dockerfile.Stage;
import dev.temper.audit.migrate.Migration.Note;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Writes the hardened final stage of a migrated Dockerfile. */
final class FinalStage {
  private static final Pattern URL = Pattern.compile("(?i)(https?|ftp)://\\S+");

  private final Dockerfile dockerfile;
  private final Stage original;
  private final String builder;
  private final MigrationOptions options;
  private final List<Note> changes;
  private final List<Note> manual;
  private final StringBuilder out = new StringBuilder();

  FinalStage(
      Dockerfile dockerfile,
      Stage original,
      String builder,
      MigrationOptions options,
      List<Note> changes,
      List<Note> manual) {
    this.dockerfile = dockerfile;
    this.original = original;
    this.builder = builder;
    this.options = options;
    this.changes = changes;
    this.manual = manual;
  }

  void append(StringBuilder target) {
    String platform = original.platform() == null ? "" : "--platform=" + original.platform() + " ";
    out.append("FROM ").append(platform).append(options.base()).append('\n');
    changes.add(
        new Note(
            original.from().line(),
            "The final stage runs on the hardened base "
                + options.base()
                + ", pinned by digest, in place of "
                + original.image()
                + "."));
    keep(List.of("ARG", "ENV", "LABEL", "EXPOSE", "VOLUME", "STOPSIGNAL"));
    String workdir = workdir();
    if (!workdir.equals("/")) {
      out.append("WORKDIR ").append(workdir).append('\n');
    }
    Optional<String> jar = builder == null ? copyRuntimeFiles() : copyArtifacts(workdir);
    user();
    healthcheck();
    command(jar, workdir);
    if (target.length() > 0) {
      target.append('\n');
    }
    target.append(out);
  }

  private void keep(List<String> keywords) {
    for (Instruction instruction : original.instructions()) {
      if (keywords.contains(instruction.keyword())) {
        out.append(instruction.source()).append('\n');
      }
    }
  }

  /** Keeps the final stage's COPY and ADD lines when it has no build steps of its own. */
  private Optional<String> copyRuntimeFiles() {
    for (Instruction instruction : original.instructions()) {
      String keyword = instruction.keyword();
      if (keyword.equals("RUN")) {
        manual.add(
            new Note(
                instruction.line(),
                "RUN in the final stage cannot run on a base without a shell; it was left out: "
                    + oneLine(instruction)));
      } else if (keyword.equals("COPY") || keyword.equals("ADD")) {
        if (keyword.equals("ADD") && URL.matcher(instruction.arguments()).find()) {
          manual.add(
              new Note(
                  instruction.line(),
                  "ADD from a URL fetches unpinned content: download it in a builder stage and check its checksum."));
        }
        out.append(instruction.source()).append('\n');
      }
    }
    return Optional.empty();
  }

  /** Copies what the builder stage produced: the JAR the command runs, or the work directory. */
  private Optional<String> copyArtifacts(String workdir) {
    for (Instruction instruction : original.instructions()) {
      if (instruction.keyword().equals("COPY") && instruction.flag("from").isPresent()) {
        out.append(instruction.source()).append('\n');
      }
    }
    Optional<String> jar = commandWords().flatMap(Commands::jarOf).map(j -> absolute(workdir, j));
    if (jar.isPresent()) {
      out.append("COPY --from=")
          .append(builder)
          .append(' ')
          .append(jar.get())
          .append(' ')
          .append(jar.get())
          .append('\n');
      changes.add(
          new Note(
              0, "Only the application JAR " + jar.get() + " is copied from the builder stage."));
      return jar;
    }
    boolean maven = original.all("RUN").stream().anyMatch(Commands::runsMaven);
    boolean gradle = original.all("RUN").stream().anyMatch(Commands::runsGradle);
    if (maven || gradle) {
      String built = absolute(workdir, maven ? "target/*.jar" : "build/libs/*.jar");
      out.append("COPY --from=")
          .append(builder)
          .append(' ')
          .append(built)
          .append(" /app/app.jar\n");
      changes.add(
          new Note(
              0,
              "The JAR that "
                  + (maven ? "Maven" : "Gradle")
                  + " builds ("
                  + built
                  + ") is copied to /app/app.jar."));
      manual.add(
          new Note(
              0,
              "Check that "
                  + built
                  + " matches exactly one JAR; if the build makes several (such as a plain JAR beside the application), name the one to copy."));
      return Optional.of("/app/app.jar");
    }
    if (!workdir.equals("/")) {
      out.append("COPY --from=")
          .append(builder)
          .append(' ')
          .append(workdir)
          .append(' ')
          .append(workdir)
          .append('\n');
      changes.add(
          new Note(
              0,
              "The work directory "
                  + workdir
                  + " is copied from the builder stage; narrow it to the files the application needs."));
    } else {
      manual.add(
          new Note(
              0,
              "No artifact found to copy from the builder stage: add a COPY --from="
                  + builder
                  + " line for the application files."));
    }
    return Optional.empty();
  }

  private void user() {
    Optional<Instruction> user = original.last("USER");
    out.append("USER ").append(options.user()).append('\n');
    if (user.isEmpty()) {
      changes.add(
          new Note(0, "USER " + options.user() + " added: the container no longer runs as root."));
    } else {
      changes.add(
          new Note(
              user.get().line(),
              "USER "
                  + user.get().arguments()
                  + " replaced by "
                  + options.user()
                  + ", the hardened base's nonroot user; a user made with useradd does not exist there."));
    }
  }

  private void healthcheck() {
    Optional<Instruction> check = original.last("HEALTHCHECK");
    if (check.isEmpty()) {
      return;
    }
    String arguments = check.get().arguments();
    String afterCmd =
        arguments.regionMatches(true, 0, "CMD", 0, 3) ? arguments.substring(3).strip() : null;
    String flags = Migrator.flags(check.get());
    if (afterCmd != null && !afterCmd.startsWith("[")) {
      manual.add(
          new Note(
              check.get().line(),
              "HEALTHCHECK CMD in shell form needs a shell, so it was left out: use the exec form with a binary the image has, or probe from the orchestrator."));
      return;
    }
    out.append("HEALTHCHECK ").append(flags).append(arguments).append('\n');
  }

  private void command(Optional<String> jar, String workdir) {
    Optional<Instruction> entrypoint = original.last("ENTRYPOINT");
    Optional<Instruction> cmd = original.last("CMD");
    if (entrypoint.isEmpty() && cmd.isEmpty()) {
      if (jar.isPresent()) {
        out.append("ENTRYPOINT ")
            .append(Commands.json(List.of(options.javaPath(), "-jar", jar.get())))
            .append('\n');
        changes.add(new Note(0, "ENTRYPOINT runs the JAR with " + options.javaPath() + "."));
      } else {
        manual.add(new Note(0, "The Dockerfile sets no ENTRYPOINT or CMD: set one in exec form."));
      }
      return;
    }
    if (entrypoint.isPresent()) {
      writeExec("ENTRYPOINT", entrypoint.get());
      cmd.ifPresent(c -> writeExec("CMD", c));
    } else {
      // The hardened base sets its own ENTRYPOINT, which would run before a CMD alone.
      writeExec("ENTRYPOINT", cmd.get());
      changes.add(
          new Note(
              cmd.get().line(),
              "CMD became ENTRYPOINT, because the base image's own ENTRYPOINT would otherwise run in front of it."));
    }
  }

  private void writeExec(String keyword, Instruction instruction) {
    Optional<List<String>> words = Commands.execWords(instruction);
    if (words.isEmpty()) {
      manual.add(
          new Note(
              instruction.line(),
              instruction.keyword()
                  + " needs a shell to run ("
                  + oneLine(instruction)
                  + "): rewrite it in exec form; it was kept as written and will fail on a base without a shell."));
      out.append(keyword).append(' ').append(instruction.arguments()).append('\n');
      return;
    }
    List<String> exec = words.get();
    if (keyword.equals("ENTRYPOINT") && Commands.isJava(exec)) {
      exec = Commands.withJavaPath(exec, options.javaPath());
    }
    out.append(keyword).append(' ').append(Commands.json(exec)).append('\n');
    if (!instruction.isExecForm()) {
      changes.add(
          new Note(
              instruction.line(),
              instruction.keyword()
                  + " converted from shell form to exec form: there is no shell to run it."));
    }
  }

  private Optional<List<String>> commandWords() {
    Optional<Instruction> entrypoint = original.last("ENTRYPOINT");
    Optional<Instruction> cmd = original.last("CMD");
    Optional<List<String>> words = entrypoint.flatMap(Commands::execWords);
    if (words.isPresent() && Commands.jarOf(words.get()).isPresent()) {
      return words;
    }
    Optional<List<String>> cmdWords = cmd.flatMap(Commands::execWords);
    return cmdWords.isPresent() ? cmdWords : words;
  }

  private String workdir() {
    String current = "/";
    for (Instruction instruction : original.all("WORKDIR")) {
      current = absolute(current, instruction.arguments().strip());
    }
    return current;
  }

  private static String absolute(String directory, String path) {
    if (path.startsWith("/")) {
      return path;
    }
    String base = directory.endsWith("/") ? directory : directory + "/";
    return base + (path.startsWith("./") ? path.substring(2) : path);
  }

  private static String oneLine(Instruction instruction) {
    String text = instruction.keyword() + " " + instruction.arguments();
    return text.length() > 120 ? text.substring(0, 117) + "..." : text;
  }
}
