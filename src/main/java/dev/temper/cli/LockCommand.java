package dev.temper.cli;

import dev.temper.build.Lock;
import dev.temper.build.Locker;
import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code temper lock SPEC}: resolves the spec's packages and pins them in SPEC.lock.json. */
@Command(
    name = "lock",
    mixinStandardHelpOptions = true,
    description = "Resolves the packages of a spec and pins each by version and SHA-256.",
    footer = ExitCodes.HELP)
final class LockCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "The image spec (YAML).")
  Path spec;

  @Option(names = "--update", description = "Resolve again even if a lock file exists.")
  boolean update;

  @ParentCommand TemperCommand parent;

  @Spec CommandSpec command;

  @Override
  public Integer call() throws TemperException, IOException {
    Locker.Outcome outcome;
    try (ProgressRenderer progress = ProgressRenderer.forStandardError()) {
      Downloader downloader =
          Downloader.builder(ContentCache.fromEnvironment()).listener(progress).build();
      outcome =
          new Locker(downloader, MirrorResolver.fromHost(), Clock.systemUTC()).lock(spec, update);
    }
    render(outcome, command.commandLine().getOut());
    return ExitCodes.OK;
  }

  private void render(Locker.Outcome outcome, PrintWriter out) {
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
    if (parent != null && parent.verbose) {
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
