package dev.temper.cli;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.error.TemperException;
import dev.temper.oci.OciJson;
import dev.temper.oci.image.ImageSource;
import dev.temper.registry.transfer.ImageDescription;
import dev.temper.registry.transfer.Transfers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code temper inspect IMAGE}: shows an image's digests, platforms, config and layers. */
final class InspectCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("inspect")
          .describe(
              "Shows the manifest, config, platforms and layers of an image in a registry, an OCI"
                  + " layout or a docker-archive.")
          .parameter(
              "IMAGE", "The image: HOST/REPO[:TAG][@DIGEST], oci:DIR[:TAG] or docker-archive:FILE.")
          .option("--format", "FORMAT", "Output format: json, table. Default: table.")
          .option("--platform", "OS/ARCH[/VARIANT]", "The platform to describe from an index.")
          .options(RegistryOptions.OPTIONS)
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  /** The output formats. */
  enum Format {
    json,
    table
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
    String platform = args.string("--platform");
    RegistryOptions registryOptions = new RegistryOptions(args);
    Transfers transfers =
        new Transfers(
            registryOptions.registries(DownloadListener.NONE), ContentCache.fromEnvironment());
    ImageDescription description;
    try (ImageSource source = transfers.imageSources().open(image, Cli.platform(platform))) {
      description = ImageDescription.of(image, source.image());
    }
    PrintWriter out = invocation.out();
    if (format == Format.json) {
      out.println(
          new String(
              OciJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(description),
              StandardCharsets.UTF_8));
    } else {
      printTable(out, description);
    }
    return ExitCodes.OK;
  }

  private static void printTable(PrintWriter out, ImageDescription d) {
    row(out, "Name", d.name());
    row(out, "Digest", d.digest());
    row(out, "Media type", d.mediaType());
    if (!d.platforms().isEmpty()) {
      row(out, "Platforms", String.join(", ", d.platforms()));
      row(out, "Manifest", d.manifestDigest());
    }
    row(out, "Platform", d.platform());
    row(out, "Created", d.created());
    row(out, "User", d.user());
    row(out, "Entrypoint", String.join(" ", d.entrypoint()));
    row(out, "Cmd", String.join(" ", d.cmd()));
    for (String variable : d.env()) {
      row(out, "Env", variable);
    }
    for (Map.Entry<String, String> label : d.labels().entrySet()) {
      row(out, "Label", label.getKey() + "=" + label.getValue());
    }
    out.printf(
        "Layers (%d, %s):%n", d.layers().size(), ProgressRenderer.formatBytes(d.layerBytes()));
    for (ImageDescription.Layer layer : d.layers()) {
      out.printf(
          "  %s  %10s  %s%n",
          layer.digest(), ProgressRenderer.formatBytes(layer.size()), layer.mediaType());
    }
  }

  private static void row(PrintWriter out, String key, String value) {
    if (value != null && !value.isEmpty()) {
      out.printf("%-12s %s%n", key + ":", value);
    }
  }
}
