package dev.temper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.audit.ComparisonTable;
import dev.temper.audit.ImageAnalysis;
import dev.temper.audit.ImageComparison;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.error.TemperException;
import dev.temper.oci.image.ImageSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code temper diff A B}: compares two images. */
final class DiffCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("diff")
          .describe(
              "Compares two images: size, layers, packages added, removed and changed, shells,"
                  + " package managers and audit results.")
          .parameter("A", "The first image, such as the typical one.")
          .parameter("B", "The second image, such as the hardened one.")
          .option("--format", "FORMAT", "Output format: table, json (default: table).")
          .option(
              "--platform", "OS/ARCH[/VARIANT]", "The platform to pick from multi-platform images.")
          .options(RegistryOptions.OPTIONS)
          .options(DbCommand.Location.OPTIONS)
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  enum Format {
    table,
    json
  }

  // The options of one run, read from the command line when it starts.
  private String platform;
  private RegistryOptions registryOptions;
  private PrintWriter err;

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    String first = args.string("A");
    String second = args.string("B");
    Format format = args.choice("--format", Format.values(), Format.table);
    platform = args.string("--platform");
    registryOptions = new RegistryOptions(args);
    err = invocation.err();
    Path database = DbCommand.Location.resolve(args);
    ImageAnalysis a = analyse(first);
    ImageAnalysis b = analyse(second);
    ImageComparison diff;
    try (FindingCounts findings = FindingCounts.open(database)) {
      diff =
          ImageComparison.compare(
              a, b, findings.count(a.inventory()), findings.count(b.inventory()));
    }
    PrintWriter out = invocation.out();
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
      analysis.warnings().forEach(w -> err.println("temper: warning: " + w));
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
