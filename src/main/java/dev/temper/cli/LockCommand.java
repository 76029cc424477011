package dev.temper.cli;

import dev.temper.build.Lock;
import dev.temper.build.Locker;
import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.cli.args.CommandSpec;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/** {@code temper lock SPEC}: resolves the spec's packages and pins them in SPEC.lock.json. */
final class LockCommand implements Verb {
  static final CommandSpec SPEC =
      CommandSpec.named("lock")
          .describe("Resolves the packages of a spec and pins each by version and SHA-256.")
          .parameter("SPEC", "The image spec (YAML).")
          .flag("--update", "Resolve again even if a lock file exists.")
          .footer(ExitCodes.HELP_WITHOUT_POLICY)
          .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Invocation invocation) throws TemperException, IOException {
    ParsedArgs args = invocation.args();
    Path spec = args.path("SPEC");
    Locker.Outcome outcome;
    try (ProgressRenderer progress = ProgressRenderer.forStandardError()) {
      Downloader downloader =
          Downloader.builder(ContentCache.fromEnvironment()).listener(progress).build();
      outcome =
          new Locker(downloader, MirrorResolver.fromHost(), Clock.systemUTC())
              .lock(spec, args.flag("--update"));
    }
    render(outcome, invocation.out(), args.flag("--verbose"));
    return ExitCodes.OK;
  }

  private static void render(Locker.Outcome outcome, PrintWriter out, boolean verbose) {
    Lock lock = outcome.lock();
    String where = outcome.lockFile().toString();
    String count = plural(lock.packages().size(), "package");
    switch (outcome.status()) {
      case KEPT ->
          out.println(where + " matches the spec (" + count + "); --update resolves again");
      case REPLACED_STALE ->
          out.println(where + " was stale (written for other spec inputs): locked " + count);
      case CREATED, UPDATED ->
          out.println(
              "locked "
                  + count
                  + " from "
                  + plural(lock.repositories().size(), "suite")
                  + " into "
                  + where
                  + (outcome.changed() ? "" : " (unchanged)"));
    }
    if (verbose) {
      for (Lock.Package pkg : lock.packages()) {
        out.println(
            "  "
                + pkg.name()
                + " "
                + pkg.version()
                + " "
                + pkg.architecture()
                + " "
                + pkg.repository()
                + "/"
                + pkg.suite());
      }
    }
    out.flush();
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
