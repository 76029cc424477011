package dev.temper.cli;

import dev.temper.error.NotFoundException;
import dev.temper.error.TemperException;
import dev.temper.oci.Platform;
import dev.temper.oci.blob.AtomicFiles;
import dev.temper.oci.image.ImageSource;
import dev.temper.sbom.ImageInventory;
import dev.temper.sbom.Inventory;
import dev.temper.vuln.AdvisoryStore;
import dev.temper.vuln.IgnoreFile;
import dev.temper.vuln.IgnoreRule;
import dev.temper.vuln.ReportFormat;
import dev.temper.vuln.ScanOptions;
import dev.temper.vuln.ScanReport;
import dev.temper.vuln.Severity;
import dev.temper.vuln.SourceStatus;
import dev.temper.vuln.VexDocument;
import dev.temper.vuln.inventory.ImageScan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper scan IMAGE}: matches an image's inventory against the advisory database. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Matches the Debian packages and Java archives of an image against the imported advisories"
          + " (OSV, Debian security tracker) and reports what is fixable.",
      "A scan that cannot read the image or the database exits 3 or 4, never 0 or 1."
    },
    footer = ExitCodes.HELP)
final class ScanCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "IMAGE",
      description = "oci:DIR[:TAG], docker-archive:FILE, dir:ROOTFS or a registry reference.")
  String image;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table (default), json, sarif or cyclonedx.")
  String format = "table";

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 1 when a finding is at least this severe: low, medium, high or critical.")
  String failOn;

  @Option(names = "--only-fixed", description = "Leave out findings that have no fix yet.")
  boolean onlyFixed;

  @Option(
      names = "--vex",
      paramLabel = "FILE",
      description = "An OpenVEX document whose statements suppress findings; repeatable.")
  List<Path> vex = new ArrayList<>();

  @Option(
      names = "--ignore",
      paramLabel = "FILE",
      description = "An ignore file whose entries suppress findings until they expire; repeatable.")
  List<Path> ignore = new ArrayList<>();

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to pick from a multi-platform image.")
  String platform;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Mixin DbCommand.Location database;

  @Mixin RegistryOptions registryOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    ReportFormat reportFormat = parseFormat();
    ScanOptions options = options();
    Platform wanted = parsePlatform();
    Path file = database.resolve();
    if (!Files.isRegularFile(file)) {
      throw new NotFoundException(
          "advisory database " + file + " not found; run 'temper db import FILE|DIR|URL' first");
    }

    Inventory inventory;
    try (ImageSource source = Images.open(image, platform, registryOptions)) {
      inventory = ImageInventory.of(source);
    }
    PrintWriter err = spec.commandLine().getErr();
    inventory.warnings().forEach(w -> err.println("temper: warning: " + w));
    ScanReport report;
    try (AdvisoryStore store = AdvisoryStore.open(file, Clock.systemUTC())) {
      report = new ImageScan(store, Clock.systemUTC()).scan(inventory, options);
    }

    StringWriter text = new StringWriter();
    reportFormat.render(report, toolVersion(), text);
    write(text.toString());
    if (reportFormat != ReportFormat.TABLE || output != null) {
      summarize(report, err);
    }
    err.flush();
    return report.policyFailed() ? ExitCodes.POLICY_FAILED : ExitCodes.OK;
  }

  /** Tells a person on standard error what a machine-readable report holds. */
  private static void summarize(ScanReport report, PrintWriter err) {
    for (SourceStatus source : report.sources()) {
      err.println(
          "temper: advisories from "
              + source.source().title()
              + " imported "
              + source.importedAt()
              + " ("
              + source.age(report.scannedAt()).toDays()
              + " days ago)");
    }
    err.println(
        "temper: "
            + report.findings().size()
            + " vulnerabilities in "
            + report.componentCount()
            + " components");
    report.warnings().forEach(w -> err.println("temper: warning: " + w));
    if (report.policyFailed()) {
      err.println(
          "temper: policy failed: "
              + report.policyViolations().size()
              + " findings at or above "
              + report.failOn().get().label());
    }
  }

  private ReportFormat parseFormat() {
    try {
      return ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--format: invalid value '" + format + "': use table, json, sarif or cyclonedx");
    }
  }

  private ScanOptions options() throws IOException, TemperException {
    Optional<Severity> threshold = Optional.empty();
    if (failOn != null) {
      threshold =
          Severity.fromLabel(failOn)
              .filter(s -> s.compareTo(Severity.LOW) >= 0)
              .filter(s -> s.label().equals(failOn.toLowerCase(Locale.ROOT)));
      if (threshold.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(),
            "--fail-on: invalid value '" + failOn + "': use low, medium, high or critical");
      }
    }
    List<VexDocument> documents = new ArrayList<>();
    for (Path file : vex) {
      documents.add(VexDocument.read(file));
    }
    List<IgnoreRule> rules = new ArrayList<>();
    for (Path file : ignore) {
      rules.addAll(IgnoreFile.read(file));
    }
    return new ScanOptions(
        threshold, onlyFixed, documents, rules, ScanOptions.DEFAULT_MAX_DATABASE_AGE);
  }

  private Platform parsePlatform() {
    try {
      return platform == null ? null : Platform.parse(platform);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Writes the report to standard output, or to a temporary file renamed over the output. */
  private void write(String report) throws IOException {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(report);
      out.flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path temp = AtomicFiles.createTemporary(target.getParent(), ".temper-scan-", ".tmp");
    try {
      Files.writeString(temp, report, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String toolVersion() throws IOException {
    String version = new VersionProvider().getVersion()[0];
    return version.startsWith("temper ") ? version.substring("temper ".length()) : version;
  }
}
