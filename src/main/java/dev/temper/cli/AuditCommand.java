package dev.temper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.temper.audit.AuditSarif;
import dev.temper.audit.ImageAnalysis;
import dev.temper.audit.image.CheckResult;
import dev.temper.audit.image.Evidence;
import dev.temper.audit.image.Level;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.error.TemperException;
import dev.temper.oci.image.ImageSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code temper audit IMAGE}: measures an image's attack surface. */
final class AuditCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("audit")
          .describe(
              "Checks an image for shells, package managers, setuid and world-writable files, a"
                  + " root user, secrets, private keys, an unpinned base, missing SBOM or"
                  + " signature, duplicate ids and empty passwords.")
          .parameter(
              "IMAGE", "oci:DIR[:TAG], docker-archive:FILE, dir:ROOTFS or a registry reference.")
          .option("--format", "FORMAT", "Output format: table, json, sarif (default: table).")
          .option(
              "--fail-on",
              "LEVEL",
              "Exit 1 when a check ends at this level or worse: fail (default) or warn.")
          .option(
              "--platform",
              "OS/ARCH[/VARIANT]",
              "The platform to pick from a multi-platform image.")
          .options(RegistryOptions.OPTIONS)
          .footer(ExitCodes.help("a check failed at or above --fail-on"))
          .build();

  enum Format {
    table,
    json,
    sarif
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    String image = args.string("IMAGE");
    Format format = args.choice("--format", Format.values(), Format.table);
    String failOn = args.string("--fail-on", "fail");
    String platform = args.string("--platform");
    RegistryOptions registryOptions = new RegistryOptions(args);
    Level threshold =
        switch (failOn.toLowerCase(Locale.ROOT)) {
          case "fail" -> Level.FAIL;
          case "warn" -> Level.WARN;
          default -> throw new UsageException("--fail-on must be fail or warn, got: " + failOn);
        };
    ImageAnalysis analysis;
    try (ImageSource source = Images.open(image, platform, registryOptions)) {
      analysis = ImageAnalysis.of(source);
    }
    PrintWriter out = invocation.out();
    PrintWriter err = invocation.err();
    analysis.warnings().forEach(w -> err.println("temper: warning: " + w));
    switch (format) {
      case json ->
          out.println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(analysis.audit()));
      case sarif ->
          out.println(AuditSarif.write(analysis.name(), analysis.audit(), TemperVersion.number()));
      case table -> table(analysis, out);
    }
    out.flush();
    boolean failed = analysis.audit().stream().anyMatch(r -> r.level().compareTo(threshold) <= 0);
    return failed ? ExitCodes.POLICY_FAILED : ExitCodes.OK;
  }

  private static void table(ImageAnalysis analysis, PrintWriter out) {
    out.println(
        "audit of "
            + analysis.name()
            + (analysis.digest() == null ? "" : " (" + analysis.digest() + ")"));
    for (CheckResult result : analysis.audit()) {
      String dockle = result.dockleId() == null ? "" : " [" + result.dockleId() + "]";
      out.printf("%-5s %s %s%s%n", result.level(), result.id(), result.title(), dockle);
      int shown = 0;
      for (Evidence evidence : result.evidence()) {
        if (shown++ == 10) {
          out.printf("        ... and %d more%n", result.evidence().size() - 10);
          break;
        }
        String where = evidence.path() != null ? evidence.path() : evidence.configKey();
        out.printf(
            "        %s%s%n", where, evidence.detail() == null ? "" : ": " + evidence.detail());
      }
      if (result.level() == Level.FAIL || result.level() == Level.WARN) {
        out.println("        fix: " + result.fix());
      }
    }
    long failures = analysis.audit().stream().filter(r -> r.level() == Level.FAIL).count();
    long warnings = analysis.audit().stream().filter(r -> r.level() == Level.WARN).count();
    out.printf("%d checks: %d failed, %d warned%n", analysis.audit().size(), failures, warnings);
  }
}
