package dev.temper.audit.dockerfile;

import dev.temper.audit.dockerfile.LintFinding.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a Dockerfile for what keeps it off a hardened base: hadolint's rules where they apply
 * (same ids), and temper's own rules ({@code TD} ids) for what a base without a shell or package
 * manager cannot run.
 */
public final class DockerfileLinter {
  private static final Pattern APT_INSTALL =
      Pattern.compile("\\bapt(-get)?\\s+(-\\S+\\s+)*install\\b");
  private static final Pattern PIPE = Pattern.compile("(?<![|])\\|(?![|])");
  private static final Pattern URL =
      Pattern.compile("^(https?|ftp)://.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ARCHIVE =
      Pattern.compile(".*\\.(tar|tar\\.gz|tgz|tar\\.bz2|tbz2|tar\\.xz|txz|tar\\.zst)$");

  private DockerfileLinter() {}

  /** Returns the findings, ordered by line and then rule id. */
  public static List<LintFinding> lint(Dockerfile dockerfile) {
    List<LintFinding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      boolean finalStage = stage.index() == dockerfile.stages().size() - 1;
      checkFrom(dockerfile, stage, finalStage, findings);
      boolean pipefail = false;
      for (Instruction instruction : stage.instructions()) {
        switch (instruction.keyword()) {
          case "RUN" -> checkRun(instruction, finalStage, pipefail, findings);
          case "SHELL" ->
              pipefail =
                  instruction.execForm().contains("-o")
                      && instruction.execForm().contains("pipefail");
          case "ADD" -> checkAdd(instruction, finalStage, findings);
          case "CMD", "ENTRYPOINT" -> checkExecForm(instruction, findings);
          case "HEALTHCHECK" -> checkHealthcheck(instruction, findings);
          case "WORKDIR" -> checkWorkdir(instruction, findings);
          case "MAINTAINER" ->
              findings.add(
                  new LintFinding(
                      "DL4000",
                      Level.ERROR,
                      instruction.line(),
                      "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors=..."));
          case "ENV", "ARG" -> Secrets.check(instruction, findings);
          default -> {}
        }
      }
      if (finalStage) {
        checkUser(stage, findings);
      }
    }
    for (Instruction arg : dockerfile.globalArgs()) {
      Secrets.check(arg, findings);
    }
    findings.sort(Comparator.comparingInt(LintFinding::line).thenComparing(LintFinding::rule));
    return List.copyOf(findings);
  }

  private static void checkFrom(
      Dockerfile dockerfile, Stage stage, boolean finalStage, List<LintFinding> findings) {
    String image = stage.image();
    int line = stage.from().line();
    if (image.equalsIgnoreCase("scratch")
        || image.contains("$")
        || dockerfile.isStageName(image, stage.index())) {
      return;
    }
    ImageName name = ImageName.parse(image);
    if (name.digest() == null && name.tag() == null) {
      findings.add(
          new LintFinding(
              "DL3006",
              Level.WARNING,
              line,
              "Always tag the version of an image explicitly: " + image));
    }
    if ("latest".equals(name.tag())) {
      findings.add(
          new LintFinding(
              "DL3007",
              Level.WARNING,
              line,
              "Using latest is prone to errors: pin a version and a digest for " + image));
    }
    if (finalStage && name.digest() == null) {
      findings.add(
          new LintFinding(
              "TD001",
              Level.WARNING,
              line,
              "The final base image is not pinned by digest: run 'temper pin' or use FROM "
                  + image
                  + "@sha256:..."));
    }
  }

  private static void checkRun(
      Instruction run, boolean finalStage, boolean pipefail, List<LintFinding> findings) {
    String command = run.isExecForm() ? String.join(" ", run.execForm()) : run.arguments();
    for (Instruction.Heredoc heredoc : run.heredocs()) {
      command = command + "\n" + heredoc.body();
    }
    int line = run.line();
    if (APT_INSTALL.matcher(command).find()) {
      if (!command.contains("--no-install-recommends")) {
        findings.add(
            new LintFinding(
                "DL3015",
                Level.INFO,
                line,
                "Avoid additional packages by specifying --no-install-recommends"));
      }
      if (!command.contains("rm -rf /var/lib/apt/lists")) {
        findings.add(
            new LintFinding(
                "DL3009", Level.INFO, line, "Delete the apt-get lists after installing something"));
      }
      if (finalStage) {
        findings.add(
            new LintFinding(
                "TD004",
                Level.ERROR,
                line,
                "apt-get in the final stage: a hardened base has no package manager; put the packages in the base image's spec or install them in a builder stage"));
      }
    }
    if (Pattern.compile("(^|[;&|\\s])sudo\\s").matcher(command).find()) {
      findings.add(
          new LintFinding(
              "DL3004",
              Level.ERROR,
              line,
              "Do not use sudo: it has unpredictable TTY and signal behaviour"));
    }
    if (Pattern.compile("(^|[;&|]\\s*)cd\\s").matcher(command.strip()).find()) {
      findings.add(
          new LintFinding("DL3003", Level.WARNING, line, "Use WORKDIR to switch to a directory"));
    }
    if (!run.isExecForm() && !pipefail && PIPE.matcher(command).find()) {
      findings.add(
          new LintFinding(
              "DL4006",
              Level.WARNING,
              line,
              "Set the SHELL option -o pipefail before RUN with a pipe in it"));
    }
    if (finalStage) {
      findings.add(
          new LintFinding(
              "TD005",
              Level.ERROR,
              line,
              "RUN in the final stage: a hardened base has no shell; move this step into a builder stage and COPY its result"));
    }
  }

  private static void checkAdd(Instruction add, boolean finalStage, List<LintFinding> findings) {
    List<String> words = add.isExecForm() ? add.execForm() : List.of(add.arguments().split("\\s+"));
    List<String> sources = words.subList(0, Math.max(0, words.size() - 1));
    boolean anyUrl = sources.stream().anyMatch(s -> URL.matcher(s).matches());
    boolean allArchives =
        !sources.isEmpty()
            && sources.stream()
                .allMatch(s -> ARCHIVE.matcher(s.toLowerCase(Locale.ROOT)).matches());
    if (anyUrl) {
      findings.add(
          new LintFinding(
              "TD003",
              Level.WARNING,
              add.line(),
              "ADD from a URL fetches unpinned content at build time: download it in a builder stage and verify its checksum"));
    } else if (!allArchives) {
      findings.add(
          new LintFinding(
              "DL3020", Level.ERROR, add.line(), "Use COPY instead of ADD for files and folders"));
    }
  }

  private static void checkExecForm(Instruction instruction, List<LintFinding> findings) {
    if (!instruction.isExecForm()) {
      findings.add(
          new LintFinding(
              "DL3025",
              Level.WARNING,
              instruction.line(),
              "Use arguments JSON notation for "
                  + instruction.keyword()
                  + ": a hardened base has no shell to run the shell form"));
    }
  }

  private static void checkHealthcheck(Instruction healthcheck, List<LintFinding> findings) {
    String arguments = healthcheck.arguments();
    if (arguments.regionMatches(true, 0, "CMD", 0, 3)) {
      String command = arguments.substring(3).strip();
      if (!command.startsWith("[")) {
        findings.add(
            new LintFinding(
                "TD006",
                Level.WARNING,
                healthcheck.line(),
                "HEALTHCHECK CMD in shell form needs a shell: use the JSON form with a binary the image has"));
      }
    }
  }

  private static void checkWorkdir(Instruction workdir, List<LintFinding> findings) {
    String path = workdir.arguments().strip();
    if (!path.startsWith("/") && !path.startsWith("$") && !path.matches("^[A-Za-z]:.*")) {
      findings.add(
          new LintFinding("DL3000", Level.ERROR, workdir.line(), "Use absolute WORKDIR: " + path));
    }
  }

  private static void checkUser(Stage stage, List<LintFinding> findings) {
    var user = stage.last("USER");
    if (user.isEmpty()) {
      findings.add(
          new LintFinding(
              "TD002",
              Level.WARNING,
              stage.from().line(),
              "The final stage sets no USER, so it runs as the base image's user; set USER 65532:65532 (nonroot)"));
      return;
    }
    String name = user.get().arguments().strip().split(":")[0];
    if (name.equals("root") || name.equals("0")) {
      findings.add(
          new LintFinding(
              "DL3002", Level.WARNING, user.get().line(), "Last USER should not be root"));
    }
  }
}
