package dev.temper.cli;

import dev.temper.archive.Compression;
import dev.temper.build.BuildOptions;
import dev.temper.build.BuildResult;
import dev.temper.build.ImageBuild;
import dev.temper.build.LockSource;
import dev.temper.build.Locker;
import dev.temper.build.Removal;
import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.cache.Downloader;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.OptionSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.oci.reference.OciLayoutReference;
import dev.temper.registry.Registries;
import dev.temper.registry.transfer.CopyResult;
import dev.temper.registry.transfer.Transfers;
import dev.temper.sign.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** {@code temper build SPEC}: assembles the spec's hardened image from its lock. */
final class BuildCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("build")
          .describe(
              "Builds a minimal, reproducible OCI image from the spec's locked Debian packages and"
                  + " local files, without running any package script. Locks the spec first if it"
                  + " has no lock.")
          .parameter("SPEC", "The image spec (YAML).")
          .option(
              OptionSpec.valued(
                      "--output",
                      "REF",
                      "Where to write the image: oci:DIR[:TAG] or docker-archive:FILE[:NAME:TAG];"
                          + " repeatable. Default: oci:out/<name>:latest.")
                  .alias("-o")
                  .repeatable())
          .flag("--explain", "Print every path that hardening removed or changed.")
          .option("--compression", "gzip|zstd", "Layer compression: gzip (default) or zstd.")
          .option(
              "--source-date-epoch",
              "SECONDS",
              "Time stamped into the image, in seconds since 1970. Default: $SOURCE_DATE_EPOCH,"
                  + " else the newest release date in the lock.")
          .flag("--update-lock", "Resolve the packages again before building.")
          .repeatable(
              "--push",
              "REF",
              "After the build, push the image (every platform) to this registry reference,"
                  + " HOST/REPO:TAG; repeatable.")
          .options(RegistryOptions.OPTIONS)
          .options(UploadOptions.OPTIONS)
          .option(
              "--sign-key",
              "FILE",
              "Sign the image in its oci: output with this cosign key and attest its CycloneDX"
                  + " SBOM and SLSA provenance. The key's password comes from $COSIGN_PASSWORD.")
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  // The options of one run, read from the command line when it starts.
  private Path spec;
  private List<String> outputs;
  private boolean explain;
  private String compression;
  private Long sourceDateEpoch;
  private boolean updateLock;
  private List<String> pushes;
  private RegistryOptions registryOptions;
  private UploadOptions uploadOptions;
  private Path signKey;

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    spec = args.path("SPEC");
    outputs = args.strings("--output");
    explain = args.flag("--explain");
    compression = args.string("--compression", "gzip");
    sourceDateEpoch = args.longValue("--source-date-epoch");
    updateLock = args.flag("--update-lock");
    pushes = args.strings("--push");
    registryOptions = new RegistryOptions(args);
    uploadOptions = new UploadOptions(args);
    signKey = args.path("--sign-key");
    PrintWriter out = invocation.out();
    BuildOptions options = options(System.getenv());
    SigningKey key = signKey == null ? null : CosignPassword.loadKey(signKey);
    BuildResult result;
    try (ProgressRenderer progress = ProgressRenderer.forStandardError()) {
      Downloader downloader =
          Downloader.builder(ContentCache.fromEnvironment()).listener(progress).build();
      MirrorResolver mirrors = MirrorResolver.fromHost();
      LockSource locks = LockSource.through(new Locker(downloader, mirrors, Clock.systemUTC()));
      result = new ImageBuild(downloader, mirrors, locks).build(spec, options);
    }
    render(out, result);
    if (key != null) {
      String layout =
          result.outputs().stream().filter(o -> o.startsWith("oci:")).findFirst().orElseThrow();
      BuildSigning.signAndAttest(result, spec, layout, key, out);
    }
    push(out, result);
    return ExitCodes.OK;
  }

  private void push(PrintWriter out, BuildResult result) throws IOException, TemperException {
    if (pushes.isEmpty()) {
      return;
    }
    String built =
        result.outputs().stream()
            .filter(o -> o.startsWith("oci:"))
            .findFirst()
            .orElse(result.outputs().get(0));
    Registries registries = registryOptions.registries(DownloadListener.NONE, uploadOptions);
    ContentCache cache = ContentCache.fromEnvironment();
    Transfers transfers = new Transfers(registries, cache);
    for (String target : pushes) {
      CopyResult copied =
          transfers.copy(ImageReferences.parse(built), ImageReferences.parse(target), true, null);
      out.println("pushed    " + copied.destination());
      if (built.startsWith("oci:")) {
        // The SBOM referrer, and with --sign-key the signatures, go along with the image.
        out.println(
            "attached  "
                + AttachmentCopy.describe(AttachmentCopy.run(built, copied, registries, cache)));
      }
    }
  }

  private BuildOptions options(Map<String, String> environment) throws InvalidInputException {
    Compression layers =
        switch (compression) {
          case "gzip" -> Compression.GZIP;
          case "zstd" -> Compression.ZSTD;
          default ->
              throw new UsageException(
                  "invalid value for option '--compression': '"
                      + compression
                      + "' is not one of gzip, zstd");
        };
    OptionalLong epoch = OptionalLong.empty();
    String fromEnvironment = environment.get("SOURCE_DATE_EPOCH");
    if (sourceDateEpoch != null) {
      if (sourceDateEpoch < 0) {
        throw new UsageException(
            "invalid value for option '--source-date-epoch': " + sourceDateEpoch + " is negative");
      }
      epoch = OptionalLong.of(sourceDateEpoch);
    } else if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      try {
        epoch = OptionalLong.of(Long.parseLong(fromEnvironment.strip()));
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            "SOURCE_DATE_EPOCH: invalid value '" + fromEnvironment + "': expected seconds");
      }
    }
    if (epoch.isPresent() && epoch.getAsLong() < 0) {
      throw new InvalidInputException("the source date epoch must not be negative");
    }
    List<ImageReference> references = new ArrayList<>();
    for (String output : outputs) {
      references.add(ImageReferences.parse(output));
    }
    boolean layoutOutput =
        references.isEmpty() || references.stream().anyMatch(r -> r instanceof OciLayoutReference);
    if (signKey != null && !layoutOutput) {
      throw new InvalidInputException(
          "--sign-key needs an oci: output, which stores the signatures beside the image");
    }
    return new BuildOptions(references, layers, epoch, updateLock);
  }

  private void render(PrintWriter out, BuildResult result) {
    if (explain) {
      for (Removal removal : result.removals()) {
        out.println("removed " + removal.path() + " (" + removal.reason() + ")");
      }
    } else if (!result.removals().isEmpty()) {
      Map<String, Integer> byReason = new TreeMap<>();
      result.removals().forEach(r -> byReason.merge(r.reason(), 1, Integer::sum));
      List<String> counts = new ArrayList<>();
      byReason.forEach((reason, count) -> counts.add(count + " " + reason));
      out.println("hardening: " + String.join(", ", counts) + " (--explain lists them)");
    }
    out.println("image     " + result.image().digest());
    for (BuildResult.Platform platform : result.platforms()) {
      out.println(
          platform.architecture()
              + "     "
              + platform.manifest().digest()
              + ": "
              + platform.compressedSize()
              + " bytes compressed, "
              + platform.uncompressedSize()
              + " uncompressed, "
              + platform.packages()
              + " packages, "
              + platform.paths()
              + " paths, "
              + platform.layers()
              + " layers");
    }
    out.println(
        "lock      " + result.lockFile() + (result.lockCreated() ? " (written)" : " (reused)"));
    for (String output : result.outputs()) {
      out.println("output    " + output);
    }
  }
}
