package dev.temper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.temper.audit.AuditSarif;
import dev.temper.audit.ImageAnalysis;
import dev.temper.audit.image.CheckResult;
import dev.temper.audit.image.Evidence;
import dev.temper.audit.image.Level;
import dev.temper.error.TemperException;
import dev.temper.oci.image.ImageSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper audit IMAGE}: measures an image's attack surface. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description =
        "Checks an image for shells, package managers, setuid and world-writable files, a root"
            + " user, secrets, private keys, an unpinned base, missing SBOM or signature, duplicate"
            + " ids and empty passwords.",
    footer = ExitCodes.HELP)
final class AuditCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "IMAGE",
      description = "oci:DIR[:TAG], docker-archive:FILE, dir:ROOTFS or a registry reference.")
  String image;

  @Option(
      names = "--format",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: table).",
      defaultValue = "table")
  Format format;

  @Option(
      names = "--fail-on",
      description = "Exit 1 when a check ends at this level or worse: fail (default) or warn.",
      defaultValue = "fail")
  String failOn;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to pick from a multi-platform image.")
  String platform;

  @Mixin RegistryOptions registryOptions;

  @Spec CommandSpec spec;

  enum Format {
    table,
    json,
    sarif
  }

  @Override
  public Integer call() throws IOException, TemperException {
    Level threshold =
        switch (failOn) {
          case "fail" -> Level.FAIL;
          case "warn" -> Level.WARN;
          default ->
              throw new picocli.CommandLine.ParameterException(
                  spec.commandLine(), "--fail-on must be fail or warn, got: " + failOn);
        };
    ImageAnalysis analysis;
    try (ImageSource source = Images.open(image, platform, registryOptions)) {
      analysis = ImageAnalysis.of(source);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    analysis.warnings().forEach(w -> err.println("temper: warning: " + w));
    switch (format) {
      case json ->
          out.println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(analysis.audit()));
      case sarif ->
          out.println(
              AuditSarif.write(
                  analysis.name(),
                  analysis.audit(),
                  new VersionProvider().getVersion()[0].replaceFirst("^temper ", "")));
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
