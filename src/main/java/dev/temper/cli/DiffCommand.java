package dev.temper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.audit.ComparisonTable;
import dev.temper.audit.ImageAnalysis;
import dev.temper.audit.ImageComparison;
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

/** {@code temper diff A B}: compares two images. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compares two images: size, layers, packages added, removed and changed, shells, package"
            + " managers and audit results.",
    footer = ExitCodes.HELP)
final class DiffCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "A",
      description = "The first image, such as the typical one.")
  String first;

  @Parameters(
      index = "1",
      paramLabel = "B",
      description = "The second image, such as the hardened one.")
  String second;

  @Option(
      names = "--format",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: table).",
      defaultValue = "table")
  Format format;

  @Option(
      names = "--platform",
      paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to pick from multi-platform images.")
  String platform;

  @Mixin RegistryOptions registryOptions;

  @Mixin DbCommand.Location database;

  @Spec CommandSpec spec;

  enum Format {
    table,
    json
  }

  @Override
  public Integer call() throws IOException, TemperException {
    ImageAnalysis a = analyse(first);
    ImageAnalysis b = analyse(second);
    ImageComparison diff;
    try (FindingCounts findings = FindingCounts.open(database.resolve())) {
      diff =
          ImageComparison.compare(
              a, b, findings.count(a.inventory()), findings.count(b.inventory()));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = json.createObjectNode();
      root.set("before", summary(json, a));
      root.set("after", summary(json, b));
      root.set("added", json.valueToTree(diff.added()));
      root.set("removed", json.valueToTree(diff.removed()));
      root.set("changed", json.valueToTree(diff.changed()));
      root.set("findingsBefore", json.valueToTree(diff.findingsBefore()));
      root.set("findingsAfter", json.valueToTree(diff.findingsAfter()));
      out.println(json.writeValueAsString(root));
    } else {
      ComparisonTable.write(diff, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private ImageAnalysis analyse(String reference) throws IOException, TemperException {
    try (ImageSource source = Images.open(reference, platform, registryOptions)) {
      ImageAnalysis analysis = ImageAnalysis.of(source);
      analysis
          .warnings()
          .forEach(w -> spec.commandLine().getErr().println("temper: warning: " + w));
      return analysis;
    }
  }

  private static ObjectNode summary(ObjectMapper json, ImageAnalysis analysis) {
    ObjectNode node = json.createObjectNode();
    node.put("image", analysis.name());
    node.put("digest", analysis.digest());
    node.put("compressedSize", analysis.compressedSize());
    node.put("layers", analysis.layerCount());
    node.put("packages", analysis.inventory().debianPackages().size());
    node.put("javaArchives", analysis.inventory().javaArchives().size());
    node.set("shells", json.valueToTree(ImageComparison.evidencePaths(analysis, "TA001")));
    node.set("packageManagers", json.valueToTree(ImageComparison.evidencePaths(analysis, "TA002")));
    node.set("audit", json.valueToTree(analysis.audit()));
    return node;
  }
}
