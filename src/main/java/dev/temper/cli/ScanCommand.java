package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.error.NotFoundException;
import dev.temper.error.TemperException;
import dev.temper.files.TemporaryNames;
import dev.temper.oci.Platform;
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

/** {@code temper scan IMAGE}: matches an image's inventory against the advisory database. */
final class ScanCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("scan")
          .describe(
              "Matches the Debian packages and Java archives of an image against the imported"
                  + " advisories (OSV, Debian security tracker) and reports what is fixable.",
              "A scan that cannot read the image or the database exits 3 or 4, never 0 or 1.")
          .parameter(
              "IMAGE", "oci:DIR[:TAG], docker-archive:FILE, dir:ROOTFS or a registry reference.")
          .option("--format", "FORMAT", "table (default), json, sarif or cyclonedx.")
          .option(
              "--fail-on",
              "SEVERITY",
              "Exit 1 when a finding is at least this severe: low, medium, high or critical.")
          .flag("--only-fixed", "Leave out findings that have no fix yet.")
          .repeatable(
              "--vex",
              "FILE",
              "An OpenVEX document whose statements suppress findings; repeatable.")
          .repeatable(
              "--ignore",
              "FILE",
              "An ignore file whose entries suppress findings until they expire; repeatable.")
          .option(
              "--platform",
              "OS/ARCH[/VARIANT]",
              "The platform to pick from a multi-platform image.")
          .option(
              OptionSpec.valued(
                      "--output", "FILE", "Write the report to FILE instead of standard output.")
                  .alias("-o"))
          .options(DbCommand.Location.OPTIONS)
          .options(RegistryOptions.OPTIONS)
          .footer(ExitCodes.help("a finding at or above --fail-on"))
          .build();

  // The options of one run, read from the command line when it starts.
  private String format;
  private String failOn;
  private boolean onlyFixed;
  private List<Path> vex;
  private List<Path> ignore;
  private String platform;
  private Path output;
  private PrintWriter out;

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    String image = args.string("IMAGE");
    format = args.string("--format", "table");
    failOn = args.string("--fail-on");
    onlyFixed = args.flag("--only-fixed");
    vex = args.paths("--vex");
    ignore = args.paths("--ignore");
    platform = args.string("--platform");
    output = args.path("--output");
    out = invocation.out();
    RegistryOptions registryOptions = new RegistryOptions(args);
    Path file = DbCommand.Location.resolve(args);
    ReportFormat reportFormat = parseFormat();
    ScanOptions options = options();
    Platform wanted = parsePlatform();
    if (!Files.isRegularFile(file)) {
      throw new NotFoundException(
          "advisory database " + file + " not found; run 'temper db import FILE|DIR|URL' first");
    }

    Inventory inventory;
    try (ImageSource source = Images.open(image, platform, registryOptions)) {
      inventory = ImageInventory.of(source);
    }
    PrintWriter err = invocation.err();
    inventory.warnings().forEach(w -> err.println("temper: warning: " + w));
    ScanReport report;
    try (AdvisoryStore store = AdvisoryStore.open(file, Clock.systemUTC())) {
      report = new ImageScan(store, Clock.systemUTC()).scan(inventory, options);
    }

    StringWriter text = new StringWriter();
    reportFormat.render(report, TemperVersion.number(), text);
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
      throw new UsageException(
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
        throw new UsageException(
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
      throw new UsageException(e.getMessage());
    }
  }

  /** Writes the report to standard output, or to a temporary file renamed over the output. */
  private void write(String report) throws IOException {
    if (output == null) {
      out.print(report);
      out.flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path temp = TemporaryNames.createFile(target.getParent(), ".temper-scan-", ".tmp");
    try {
      Files.writeString(temp, report, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
