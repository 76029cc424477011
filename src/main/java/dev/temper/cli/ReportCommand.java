package dev.temper.cli;

import dev.temper.audit.ImageAnalysis;
import dev.temper.audit.report.HtmlReport;
import dev.temper.audit.report.ImageSummary;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.error.TemperException;
import dev.temper.files.TemporaryNames;
import dev.temper.oci.image.ImageSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code temper report IMAGE... --html FILE}: one self-contained HTML page about images. */
final class ReportCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("report")
          .describe(
              "Writes one self-contained HTML page (inline SVG charts, no scripts, no network) with"
                  + " size, packages, audit results and the SBOM summary of one image or several"
                  + " side by side.")
          .variadicParameter("IMAGE", "The images to show, in order.")
          .required("--html", "FILE", "The HTML file to write.")
          .option(
              "--platform", "OS/ARCH[/VARIANT]", "The platform to pick from multi-platform images.")
          .options(RegistryOptions.OPTIONS)
          .options(DbCommand.Location.OPTIONS)
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  // The options of one run, read from the command line when it starts.
  private String platform;
  private RegistryOptions registryOptions;

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    List<String> images = args.strings("IMAGE");
    Path html = args.path("--html");
    platform = args.string("--platform");
    registryOptions = new RegistryOptions(args);
    Path database = DbCommand.Location.resolve(args);
    List<ImageSummary> summaries = new ArrayList<>();
    try (FindingCounts findings = FindingCounts.open(database)) {
      for (String image : images) {
        summaries.add(summary(image, findings));
      }
    }
    String page = HtmlReport.render(summaries, Instant.now(Clock.systemUTC()).toString());
    Path target = html.toAbsolutePath();
    Path temporary = TemporaryNames.createFile(target.getParent(), ".report", ".tmp");
    try {
      Files.writeString(temporary, page, StandardCharsets.UTF_8);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    invocation.out().println("wrote " + html);
    return ExitCodes.OK;
  }

  private ImageSummary summary(String image, FindingCounts findings)
      throws IOException, TemperException {
    ImageAnalysis analysis;
    try (ImageSource source = Images.open(image, platform, registryOptions)) {
      analysis = ImageAnalysis.of(source);
    }
    Map<String, Integer> components = new TreeMap<>();
    components.put("deb", analysis.inventory().debianPackages().size());
    components.put("maven", analysis.inventory().javaArchives().size());
    components.put("jdk", analysis.inventory().javaRuntimes().size());
    return new ImageSummary(
        analysis.name(),
        analysis.digest() == null ? "-" : analysis.digest(),
        analysis.compressedSize(),
        analysis.inventory().debianPackages().size(),
        components,
        findings.count(analysis.inventory()),
        analysis.audit());
  }
}
