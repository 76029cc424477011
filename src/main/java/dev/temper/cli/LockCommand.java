package dev.temper.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

  @Override
  public Integer call() throws Exception {
    throw new UnsupportedOperationException("lock is not wired yet");
  }
}
