package dev.temper.cli;

import dev.temper.audit.ImageAnalysis;
import dev.temper.audit.report.HtmlReport;
import dev.temper.audit.report.ImageSummary;
import dev.temper.error.TemperException;
import dev.temper.oci.blob.AtomicFiles;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code temper report IMAGE... --html FILE}: one self-contained HTML page about images. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Writes one self-contained HTML page (inline SVG charts, no scripts, no network) with"
            + " size, packages, audit results and the SBOM summary of one image or several side by side.",
    footer = ExitCodes.HELP)
final class ReportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "The images to show, in order.")
  List<String> images;

  @Option(
      names = "--html",
      required = true,
      paramLabel = "FILE",
      description = "The HTML file to write.")
  Path html;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to pick from multi-platform images.")
  String platform;

  @Mixin RegistryOptions registryOptions;

  @Mixin DbCommand.Location database;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, TemperException {
    List<ImageSummary> summaries = new ArrayList<>();
    try (FindingCounts findings = FindingCounts.open(database.resolve())) {
      for (String image : images) {
        summaries.add(summary(image, findings));
      }
    }
    String page = HtmlReport.render(summaries, Instant.now(Clock.systemUTC()).toString());
    Path target = html.toAbsolutePath();
    Path temporary = AtomicFiles.createTemporary(target.getParent(), ".report", ".tmp");
    try {
      Files.writeString(temporary, page, StandardCharsets.UTF_8);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    spec.commandLine().getOut().println("wrote " + html);
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
