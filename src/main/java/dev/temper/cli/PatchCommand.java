package dev.temper.cli;

import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.oci.reference.OciLayoutReference;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.patch.AdvisoryComparison;
import dev.temper.patch.ApplyReport;
import dev.temper.patch.PatchApply;
import dev.temper.patch.PatchJson;
import dev.temper.patch.PatchReport;
import dev.temper.patch.PatchTable;
import dev.temper.patch.Patcher;
import dev.temper.sbom.ImageInventory;
import dev.temper.sbom.Inventory;
import dev.temper.vuln.AdvisoryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** {@code temper patch SPEC|IMAGE}: lists security updates and, for a spec, applies them. */
final class PatchCommand implements Verb {
  private static final Pattern IMAGE_TRANSPORT = Pattern.compile("^(oci|docker-archive|dir):.*");

  static final CommandSpec SPEC =
      CommandSpec.named("patch")
          .describe(
              "Compares the installed packages of a spec's lock or of an image with the"
                  + " repositories, security suites included, and lists the updates with the CVEs"
                  + " their changelogs name.",
              "--apply (SPEC only) updates the lock, rebuilds the image and reports the"
                  + " difference.",
              "A package that the spec requests at an exact version (name=VERSION) is held there:"
                  + " --apply leaves it, names the spec line and the version that fixes it, and"
                  + " exits 1. --move-pins rewrites those requests to the update's version"
                  + " instead.")
          .parameter(
              "SPEC|IMAGE",
              "An image spec (YAML), or oci:DIR[:TAG], docker-archive:FILE, dir:ROOTFS or a"
                  + " registry reference HOST/REPO[:TAG][@DIGEST].")
          .option(
              "--spec",
              "SPEC",
              "For an IMAGE: take the repositories from this spec instead of the Debian defaults"
                  + " for the image's os-release codename.")
          .option("--format", "FORMAT", "table (default) or json.")
          .flag(
              "--apply",
              "For a SPEC: update its lock, rebuild the image and report the difference.")
          .flag(
              "--move-pins",
              "With --apply: rewrite each exact-version request of the spec (name=VERSION) that"
                  + " holds an update back to the update's version, on its own line of the spec.")
          .option(
              OptionSpec.valued(
                      "--output",
                      "oci:DIR[:TAG]",
                      "With --apply: the layout to rebuild into (default: oci:out/<name>:latest).")
                  .alias("-o"))
          .option(
              "--source-date-epoch",
              "SECONDS",
              "With --apply: time stamped into the image (default: the lock's newest date).")
          .option(
              "--platform",
              "OS/ARCH[/VARIANT]",
              "For an IMAGE: the platform to pick from a multi-platform image.")
          .options(DbCommand.Location.OPTIONS)
          .options(RegistryOptions.OPTIONS)
          .footer(ExitCodes.help("--apply left a listed update out"))
          .build();

  // The options of one run, read from the command line when it starts.
  private String target;
  private Path specFile;
  private String format;
  private boolean apply;
  private boolean movePins;
  private String output;
  private Long sourceDateEpoch;
  private String platform;
  private Path database;
  private PrintWriter err;
  private RegistryOptions registryOptions;

  /**
   * Returns whether {@code target} names an image rather than a spec: a transport prefix, or a
   * registry reference that is not the name of an existing file or of a YAML file.
   */
  static boolean isImage(String target) {
    if (IMAGE_TRANSPORT.matcher(target).matches() || target.startsWith("docker://")) {
      return true;
    }
    if (target.endsWith(".yaml") || target.endsWith(".yml") || Files.exists(Path.of(target))) {
      return false;
    }
    try {
      return ImageReferences.parse(target) instanceof RegistryReference;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    target = args.string("SPEC|IMAGE");
    specFile = args.path("--spec");
    format = args.string("--format", "table");
    apply = args.flag("--apply");
    movePins = args.flag("--move-pins");
    output = args.string("--output");
    sourceDateEpoch = args.longValue("--source-date-epoch");
    platform = args.string("--platform");
    database = DbCommand.Location.resolve(args);
    err = invocation.err();
    registryOptions = new RegistryOptions(args);
    boolean image = isImage(target);
    boolean json = parseFormat();
    if (apply && image) {
      throw new UsageException("--apply works on a SPEC, not an image");
    }
    if (movePins && !apply) {
      throw new UsageException("--move-pins works with --apply");
    }
    PrintWriter out = invocation.out();
    ApplyReport applied = null;
    try (ProgressRenderer progress = ProgressRenderer.forStandardError()) {
      Downloader downloader =
          Downloader.builder(ContentCache.fromEnvironment()).listener(progress).build();
      MirrorResolver mirrors = MirrorResolver.fromHost();
      Patcher patcher = new Patcher(downloader, mirrors, Clock.systemUTC());
      PatchReport report = image ? forImage(patcher) : patcher.forSpec(Path.of(target));
      if (apply && !report.updates().isEmpty()) {
        applied = apply(downloader, mirrors, report);
      }
      progress.close();
      if (json) {
        PatchJson.write(report, applied, out);
      } else {
        PatchTable.write(report, applied, out);
        if (apply && report.updates().isEmpty()) {
          out.println("Nothing to apply.");
        }
      }
    }
    out.flush();
    return applied == null ? ExitCodes.OK : outcome(applied);
  }

  /** Returns 1 when listed updates stay out, so that CI notices, after saying why on stderr. */
  private int outcome(ApplyReport applied) {
    long heldBySpec = applied.heldBySpec();
    long keptByResolver = applied.notApplied().size() - heldBySpec;
    if (heldBySpec > 0) {
      err.println(
          "temper: "
              + updates(heldBySpec)
              + " not applied because the spec pins the version; change the pin, or run again with"
              + " --move-pins");
    }
    if (keptByResolver > 0) {
      err.println(
          "temper: "
              + updates(keptByResolver)
              + " not applied because the resolver kept the installed version, as the report"
              + " lists");
    }
    err.flush();
    return applied.notApplied().isEmpty() ? ExitCodes.OK : ExitCodes.POLICY_FAILED;
  }

  private static String updates(long count) {
    return count + (count == 1 ? " update" : " updates");
  }

  private PatchReport forImage(Patcher patcher) throws IOException, TemperException {
    Inventory inventory;
    try (ImageSource source = Images.open(target, platform, registryOptions)) {
      inventory = ImageInventory.of(source);
    }
    inventory.warnings().forEach(w -> err.println("temper: warning: " + w));
    return patcher.forImage(target, inventory, Optional.ofNullable(specFile));
  }

  private ApplyReport apply(Downloader downloader, MirrorResolver mirrors, PatchReport report)
      throws IOException, TemperException {
    Path specPath = Path.of(target);
    OciLayoutReference layout = layout(specPath);
    OptionalLong epoch =
        sourceDateEpoch == null ? OptionalLong.empty() : OptionalLong.of(sourceDateEpoch);
    PatchApply step = new PatchApply(downloader, mirrors, Clock.systemUTC());
    Path file = database;
    if (!Files.isRegularFile(file)) {
      return step.apply(
          specPath,
          report,
          layout,
          epoch,
          AdvisoryComparison.none("no advisory database at " + file + "; CVEs from changelogs"),
          movePins);
    }
    try (AdvisoryStore store = AdvisoryStore.open(file, Clock.systemUTC())) {
      return step.apply(
          specPath,
          report,
          layout,
          epoch,
          AdvisoryComparison.using(store, Clock.systemUTC()),
          movePins);
    }
  }

  private OciLayoutReference layout(Path specPath) throws IOException, TemperException {
    if (output == null) {
      String name = dev.temper.build.SpecLoader.load(specPath).name();
      return OciLayoutReference.of(Path.of("out", name), "latest");
    }
    ImageReference reference = ImageReferences.parse(output);
    if (!(reference instanceof OciLayoutReference oci) || oci.tag() == null) {
      throw new UsageException("--output: give oci:DIR:TAG");
    }
    return oci;
  }

  private boolean parseFormat() {
    return switch (format) {
      case "table" -> false;
      case "json" -> true;
      default ->
          throw new UsageException("--format: invalid value '" + format + "': use table or json");
    };
  }
}
