package dev.temper.cli;

import dev.temper.audit.pin.DockerfilePinner;
import dev.temper.audit.pin.FromLine;
import dev.temper.cache.DownloadListener;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.error.TemperException;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.Registries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code temper pin Dockerfile}: pins every base image of a Dockerfile by digest. */
final class PinCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("pin")
          .describe(
              "Rewrites each FROM image:tag of a Dockerfile to FROM image:tag@sha256:..., resolved"
                  + " now. Lines with a digest, scratch, build stages and build arguments are left"
                  + " alone.")
          .parameter("DOCKERFILE", "The Dockerfile to pin.")
          .flag(
              "--check",
              "Only report unpinned FROM lines and exit with 1 if there are any; change nothing.")
          .options(RegistryOptions.OPTIONS)
          .footer(ExitCodes.help("--check found a FROM line that is not pinned by digest"))
          .build();

  /** The Dockerfile of the current run. */
  private Path dockerfile;

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  /** Reports the lines that are not pinned and returns 1 if there are any. */
  private int check(List<FromLine> lines, PrintWriter out) {
    int failures = 0;
    for (FromLine line : lines) {
      if (line.status() == FromLine.Status.UNPINNED) {
        out.printf(
            "%s:%d: %s is not pinned by digest%n", dockerfile, line.lineNumber(), line.image());
        failures++;
      } else if (line.status() == FromLine.Status.CONTINUED) {
        out.printf(
            "%s:%d: FROM continues on the next line, so it cannot be checked; pin it by hand and join the lines%n",
            dockerfile, line.lineNumber());
        failures++;
      }
    }
    return failures == 0 ? ExitCodes.OK : ExitCodes.POLICY_FAILED;
  }

  @Override
  public int run(Invocation invocation) throws IOException, TemperException {
    ParsedArgs args = invocation.args();
    dockerfile = args.path("DOCKERFILE");
    RegistryOptions registryOptions = new RegistryOptions(args);
    String text = DockerfilePinner.read(dockerfile);
    PrintWriter out = invocation.out();
    if (args.flag("--check")) {
      return check(DockerfilePinner.scan(text, dockerfile.toString()), out);
    }
    Registries registries = registryOptions.registries(DownloadListener.NONE);
    DockerfilePinner.Result result =
        DockerfilePinner.pin(
            text,
            dockerfile.toString(),
            image -> {
              RegistryReference reference = ImageReferences.parseRegistry(image, System.getenv());
              return registries
                  .open(Cli.repository(reference))
                  .resolve(reference.manifestReference());
            });
    if (!result.unpinned().isEmpty()) {
      DockerfilePinner.writeAtomically(dockerfile, result.text());
    }
    for (FromLine line : result.lines()) {
      if (line.status() == FromLine.Status.UNPINNED) {
        out.printf("%s:%d: pinned %s%n", dockerfile, line.lineNumber(), line.image());
      } else if (line.status() == FromLine.Status.CONTINUED) {
        out.printf(
            "%s:%d: FROM continues on the next line and was left alone; pin it by hand%n",
            dockerfile, line.lineNumber());
      }
    }
    return ExitCodes.OK;
  }
}
