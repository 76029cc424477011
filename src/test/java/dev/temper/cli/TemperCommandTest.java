package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.ParameterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class TemperCommandTest {
  private static final List<String> VERBS =
      List.of(
          "lock",
          "build",
          "keygen",
          "sign",
          "attest",
          "verify",
          "verify-attestation",
          "lint",
          "migrate",
          "audit",
          "diff",
          "report",
          "db",
          "sbom",
          "resolve",
          "inspect",
          "copy",
          "pull",
          "push",
          "pin",
          "scan",
          "patch");

  /** The class of each verb, in the order of {@link #VERBS}. */
  private static final List<String> VERB_CLASSES =
      List.of(
          "LockCommand",
          "BuildCommand",
          "KeygenCommand",
          "SignCommand",
          "AttestCommand",
          "VerifyCommand",
          "VerifyAttestationCommand",
          "LintCommand",
          "MigrateCommand",
          "AuditCommand",
          "DiffCommand",
          "ReportCommand",
          "DbCommand",
          "SbomCommand",
          "ResolveCommand",
          "InspectCommand",
          "CopyCommand",
          "PullCommand",
          "PushCommand",
          "PinCommand",
          "ScanCommand",
          "PatchCommand");

  /** The parameters and option names of each command, as they were before the parser changed. */
  private static final Map<String, Declared> DECLARED =
      Map.ofEntries(
          Map.entry("lock", new Declared(List.of("SPEC"), List.of("--update"))),
          Map.entry(
              "build",
              new Declared(
                  List.of("SPEC"),
                  List.of(
                      "--authfile",
                      "--ca-file",
                      "--chunk-size",
                      "--compression",
                      "--explain",
                      "--insecure",
                      "--output",
                      "--password-stdin",
                      "--push",
                      "--sign-key",
                      "--source-date-epoch",
                      "--timeout",
                      "--update-lock",
                      "--username",
                      "-o"))),
          Map.entry("keygen", new Declared(List.of(), List.of("--output-key-prefix"))),
          Map.entry(
              "sign",
              new Declared(
                  List.of("IMAGE"),
                  List.of(
                      "--annotation",
                      "--authfile",
                      "--bundle",
                      "--ca-file",
                      "--insecure",
                      "--key",
                      "--password-stdin",
                      "--recursive",
                      "--reference",
                      "--timeout",
                      "--username",
                      "-a"))),
          Map.entry(
              "attest",
              new Declared(
                  List.of("IMAGE"),
                  List.of(
                      "--authfile",
                      "--bundle",
                      "--ca-file",
                      "--insecure",
                      "--key",
                      "--password-stdin",
                      "--predicate",
                      "--reference",
                      "--timeout",
                      "--type",
                      "--username"))),
          Map.entry(
              "verify",
              new Declared(
                  List.of("IMAGE"),
                  List.of(
                      "--authfile",
                      "--bundle",
                      "--ca-file",
                      "--insecure",
                      "--key",
                      "--password-stdin",
                      "--timeout",
                      "--username"))),
          Map.entry(
              "verify-attestation",
              new Declared(
                  List.of("IMAGE"),
                  List.of(
                      "--authfile",
                      "--bundle",
                      "--ca-file",
                      "--insecure",
                      "--key",
                      "--password-stdin",
                      "--timeout",
                      "--type",
                      "--username"))),
          Map.entry("lint", new Declared(List.of("DOCKERFILE"), List.of("--fail-on", "--format"))),
          Map.entry(
              "migrate",
              new Declared(
                  List.of("DOCKERFILE"),
                  List.of(
                      "--authfile",
                      "--base",
                      "--base-name",
                      "--ca-file",
                      "--insecure",
                      "--output",
                      "--password-stdin",
                      "--timeout",
                      "--user",
                      "--username",
                      "-o"))),
          Map.entry(
              "audit",
              new Declared(
                  List.of("IMAGE"),
                  List.of(
                      "--authfile",
                      "--ca-file",
                      "--fail-on",
                      "--format",
                      "--insecure",
                      "--password-stdin",
                      "--platform",
                      "--timeout",
                      "--username"))),
          Map.entry(
              "diff",
              new Declared(
                  List.of("A", "B"),
                  List.of(
                      "--authfile",
                      "--ca-file",
                      "--db",
                      "--format",
                      "--insecure",
                      "--password-stdin",
                      "--platform",
                      "--timeout",
                      "--username"))),
          Map.entry(
              "report",
              new Declared(
                  List.of("IMAGE..."),
                  List.of(
                      "--authfile",
                      "--ca-file",
                      "--db",
                      "--html",
                      "--insecure",
                      "--password-stdin",
                      "--platform",
                      "--timeout",
                      "--username"))),
          Map.entry("db", new Declared(List.of(), List.of())),
          Map.entry(
              "sbom",
              new Declared(
                  List.of("IMAGE"),
                  List.of(
                      "--authfile",
                      "--ca-file",
                      "--format",
                      "--insecure",
                      "--output",
                      "--password-stdin",
                      "--platform",
                      "--timeout",
                      "--username",
                      "-o"))),
          Map.entry(
              "resolve",
              new Declared(
                  List.of("REF"),
                  List.of(
                      "--authfile",
                      "--ca-file",
                      "--insecure",
                      "--password-stdin",
                      "--timeout",
                      "--username"))),
          Map.entry(
              "inspect",
              new Declared(
                  List.of("IMAGE"),
                  List.of(
                      "--authfile",
                      "--ca-file",
                      "--format",
                      "--insecure",
                      "--password-stdin",
                      "--platform",
                      "--timeout",
                      "--username"))),
          Map.entry(
              "copy",
              new Declared(
                  List.of("SRC", "DST"),
                  List.of(
                      "--all-platforms",
                      "--attachments",
                      "--authfile",
                      "--ca-file",
                      "--chunk-size",
                      "--insecure",
                      "--password-stdin",
                      "--platform",
                      "--timeout",
                      "--username"))),
          Map.entry(
              "pull",
              new Declared(
                  List.of("REF", "oci:DIR[:TAG]"),
                  List.of(
                      "--all-platforms",
                      "--attachments",
                      "--authfile",
                      "--ca-file",
                      "--insecure",
                      "--password-stdin",
                      "--platform",
                      "--timeout",
                      "--username"))),
          Map.entry(
              "push",
              new Declared(
                  List.of("oci:DIR[:TAG]", "REF"),
                  List.of(
                      "--all-platforms",
                      "--attachments",
                      "--authfile",
                      "--ca-file",
                      "--chunk-size",
                      "--insecure",
                      "--password-stdin",
                      "--platform",
                      "--timeout",
                      "--username"))),
          Map.entry(
              "pin",
              new Declared(
                  List.of("DOCKERFILE"),
                  List.of(
                      "--authfile",
                      "--ca-file",
                      "--check",
                      "--insecure",
                      "--password-stdin",
                      "--timeout",
                      "--username"))),
          Map.entry(
              "scan",
              new Declared(
                  List.of("IMAGE"),
                  List.of(
                      "--authfile",
                      "--ca-file",
                      "--db",
                      "--fail-on",
                      "--format",
                      "--ignore",
                      "--insecure",
                      "--only-fixed",
                      "--output",
                      "--password-stdin",
                      "--platform",
                      "--timeout",
                      "--username",
                      "--vex",
                      "-o"))),
          Map.entry(
              "patch",
              new Declared(
                  List.of("SPEC|IMAGE"),
                  List.of(
                      "--apply",
                      "--authfile",
                      "--ca-file",
                      "--db",
                      "--format",
                      "--insecure",
                      "--move-pins",
                      "--output",
                      "--password-stdin",
                      "--platform",
                      "--source-date-epoch",
                      "--spec",
                      "--timeout",
                      "--username",
                      "-o"))));

  /** The exit code and both outputs of one command line. */
  private record Run(int exitCode, String out, String err) {}

  /** The parameter labels and the sorted option names of one command. */
  private record Declared(List<String> parameters, List<String> options) {}

  private static Run temper(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void namedVerbIsTheOnlyOneLoaded() throws Exception {
    Set<String> loaded = loadedBy("--debug", "pull", "--help");

    assertThat(loaded).contains("dev.temper.cli.PullCommand");
    for (String verb : VERB_CLASSES) {
      if (!verb.equals("PullCommand")) {
        assertThat(loaded).doesNotContain("dev.temper.cli." + verb);
      }
    }
  }

  @Test
  void topLevelHelpLoadsEveryVerb() throws Exception {
    Set<String> loaded = loadedBy("--help");

    for (String verb : VERB_CLASSES) {
      assertThat(loaded).contains("dev.temper.cli." + verb);
    }
  }

  @Test
  void verbTableMatchesHelpOrder() {
    assertThat(TemperCommand.VERBS).containsExactlyElementsOf(VERBS);
    for (String verb : VERBS) {
      assertThat(TemperCommand.create(verb).spec().name()).isEqualTo(verb);
    }
    assertThat(TemperCommand.create("pul")).isNull();
  }

  @Test
  void topLevelHelpListsEveryVerb() {
    Run help = temper("--help");

    assertThat(help.exitCode()).isZero();
    for (String verb : VERBS) {
      assertThat(help.out()).containsPattern("(?m)^  " + verb + " ");
    }
    assertThat(help.out()).startsWith("Usage: temper [OPTIONS] COMMAND\n");
    assertThat(help.out()).contains("\nExit codes:\n  0  success\n");
  }

  @Test
  void verbHelpListsExitOneOnlyWhereReturned() {
    assertThat(temper("pull", "--help").out())
        .contains("\nExit codes:\n  0  success\n  2  usage error\n")
        .doesNotContain("  1  ");
    assertThat(temper("scan", "--help").out()).contains("\n  1  a finding at or above --fail-on\n");
    assertThat(temper("pin", "--help").out())
        .contains("\n  1  --check found a FROM line that is not pinned by digest\n");
    assertThat(temper("verify", "--help").out()).contains("\n  1  verification failed\n");
  }

  @Test
  void noArgumentsPrintsTopLevelHelp() {
    Run run = temper();

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: temper [OPTIONS] COMMAND");
  }

  @Test
  void verbHelpAndInheritedOptionsStillParse() {
    Run help = temper("--debug", "pull", "--help");
    Run version = temper("resolve", "--version");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).startsWith("Usage: temper pull");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("temper ");
  }

  @Test
  void everyVerbHasHelp() {
    for (String verb : VERBS) {
      Run help = temper(verb, "-h");

      assertThat(help.exitCode()).as(verb).isZero();
      assertThat(help.out()).as(verb).startsWith("Usage: temper " + verb + " ");
      assertThat(help.out()).as(verb).contains("  -v, --verbose ").contains("      --debug ");
      assertThat(help.out()).as(verb).endsWith("  4  network or registry failure\n");
    }
  }

  @Test
  void verbsKeepTheirDeclaredOptions() {
    for (String verb : VERBS) {
      assertThat(declared(TemperCommand.create(verb).spec()))
          .as(verb)
          .isEqualTo(DECLARED.get(verb));
    }
    CommandSpec db = TemperCommand.create("db").spec();
    CommandSpec importSpec = db.subcommands().orElseThrow().find("import").orElseThrow();
    CommandSpec status = db.subcommands().orElseThrow().find("status").orElseThrow();
    assertThat(declared(importSpec))
        .isEqualTo(
            new Declared(
                List.of("FILE|DIR|URL..."), List.of("--db", "--max-download-size", "--sha256")));
    assertThat(declared(status)).isEqualTo(new Declared(List.of(), List.of("--db")));
  }

  @Test
  void repeatableAndRequiredOptionsAsBefore() {
    assertThat(option("build", "--output").isRepeatable()).isTrue();
    assertThat(option("build", "--push").isRepeatable()).isTrue();
    assertThat(option("sign", "--annotation").isRepeatable()).isTrue();
    assertThat(option("scan", "--vex").isRepeatable()).isTrue();
    assertThat(option("scan", "--ignore").isRepeatable()).isTrue();
    assertThat(option("scan", "--platform").isRepeatable()).isFalse();
    for (String verb : List.of("sign", "attest", "verify", "verify-attestation")) {
      assertThat(option(verb, "--key").isRequired()).as(verb).isTrue();
    }
    assertThat(option("attest", "--predicate").isRequired()).isTrue();
    assertThat(option("migrate", "--base").isRequired()).isTrue();
    assertThat(option("report", "--html").isRequired()).isTrue();
    assertThat(option("migrate", "--base-name").isRequired()).isFalse();
  }

  @Test
  void helpShowsDefaultValues() {
    assertThat(temper("keygen", "--help").out()).contains("(default: cosign)");
    assertThat(temper("attest", "--help").out()).contains("(default: slsaprovenance)");
    assertThat(temper("migrate", "--help").out()).contains("(default: 65532:65532)");
    assertThat(temper("db", "import", "--help").out()).contains("(default: 536870912)");
    assertThat(temper("inspect", "--help").out()).contains("Output format: json, table.");
  }

  @Test
  void dbAloneShowsItsHelp() {
    Run db = temper("db");
    Run importHelp = temper("db", "import", "--help");

    assertThat(db.exitCode()).isZero();
    assertThat(db.out()).startsWith("Usage: temper db [OPTIONS] COMMAND");
    assertThat(db.out()).containsPattern("(?m)^  import ").containsPattern("(?m)^  status ");
    assertThat(importHelp.exitCode()).isZero();
    assertThat(importHelp.out()).startsWith("Usage: temper db import [OPTIONS] FILE|DIR|URL...");
  }

  @Test
  void mistypedVerbIsAUsageError() {
    Run run = temper("pul", "x");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("'pul'").contains("temper --help");
    assertThat(run.err())
        .isEqualTo(
            "temper: 'pul' is not a temper command; did you mean 'pull'?\n"
                + "Run 'temper --help' for usage.\n");
  }

  @Test
  void controlCharactersInErrorsAreEscaped() {
    Run option = temper("pull", "--x\u001b[2J", "a", "oci:b");
    Run path = temper("inspect", "oci:/nonexistent\u001b[2J/layout");

    assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(option.err()).contains("--x\\u001b[2J").doesNotContain("\u001b");
    assertThat(path.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(path.err()).contains("/nonexistent\\u001b[2J/layout").doesNotContain("\u001b");
  }

  @Test
  void debugStackTraceIsEscaped() {
    Run run = temper("inspect", "--debug", "oci:/nonexistent\u001b[2J/layout");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err()).doesNotContain("\u001b");
    assertThat(run.err()).contains("/nonexistent\\u001b[2J/layout");
    assertThat(run.err().lines()).anyMatch(line -> line.startsWith("\tat dev.temper."));
  }

  @Test
  void unrelatedWordListsEveryVerb() {
    Run run = temper("frobnicate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("the commands are " + String.join(", ", VERBS));
  }

  @Test
  void verbUsageErrorPointsAtVerbHelp() {
    Run missing = temper("pull", "--debug", "registry.example/a:b");
    Run unknown = temper("resolve", "--bogus", "oci:x");

    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err())
        .isEqualTo(
            "temper: missing parameter oci:DIR[:TAG]\nRun 'temper pull --help' for usage.\n");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).startsWith("temper: unknown option '--bogus'\n");
  }

  @Test
  void commandUsageErrorPointsAtVerbHelp() {
    Run run = temper("pull", "registry.example/a:b", "/tmp/not-a-layout");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .isEqualTo(
            "temper: pull writes an OCI layout: write the target as oci:DIR[:TAG], or use temper"
                + " copy\nRun 'temper pull --help' for usage.\n");
  }

  @Test
  void invalidChunkSizeNamesOptionAndValue() {
    Run run = temper("push", "--chunk-size", "12 parsecs", "oci:/nowhere", "127.0.0.1:1/a:b");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .startsWith("temper: invalid value for option '--chunk-size': '12 parsecs' is not a size;");
  }

  @Test
  void enumOptionRejectsOtherValues() {
    Run run = temper("lint", "--format", "xml", "Dockerfile");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .startsWith(
            "temper: invalid value for option '--format': 'xml' is not one of table, json\n");
  }

  private static OptionSpec option(String verb, String name) {
    for (OptionSpec option : TemperCommand.create(verb).spec().options()) {
      if (option.names().contains(name)) {
        return option;
      }
    }
    throw new AssertionError(verb + " has no option " + name);
  }

  private static Declared declared(CommandSpec spec) {
    List<String> parameters = new ArrayList<>();
    for (ParameterSpec parameter : spec.parameters()) {
      parameters.add(parameter.label() + (parameter.variadic() ? "..." : ""));
    }
    Set<String> options = new TreeSet<>();
    for (OptionSpec option : spec.options()) {
      options.addAll(option.names());
    }
    return new Declared(parameters, List.copyOf(options));
  }

  /**
   * Runs a command line through a class loader of its own for the CLI classes, and returns the
   * names of the CLI classes that the run loaded.
   */
  private static Set<String> loadedBy(String... args) throws Exception {
    CliClassLoader loader = new CliClassLoader(TemperCommandTest.class.getClassLoader());
    Method run =
        loader
            .loadClass("dev.temper.cli.Main")
            .getMethod("run", String[].class, PrintWriter.class, PrintWriter.class);
    StringWriter out = new StringWriter();

    Object code =
        run.invoke(null, args, new PrintWriter(out, true), new PrintWriter(new StringWriter()));

    assertThat(code).as(out.toString()).isEqualTo(0);
    return loader.defined;
  }

  /**
   * Defines the classes of {@code dev.temper.cli} itself instead of asking its parent, so that it
   * sees which of them a run loads, and leaves the rest to the parent.
   */
  private static final class CliClassLoader extends ClassLoader {
    final Set<String> defined = ConcurrentHashMap.newKeySet();

    CliClassLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.temper.cli.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> type = findLoadedClass(name);
        if (type == null) {
          type = define(name);
        }
        if (resolve) {
          resolveClass(type);
        }
        return type;
      }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in = getParent().getResourceAsStream(resource)) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        Class<?> type = defineClass(name, bytes, 0, bytes.length);
        defined.add(name);
        return type;
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
