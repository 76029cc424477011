package dev.temper.cli;

import dev.temper.cli.args.CommandSpec;
import dev.temper.error.TemperException;
import java.io.IOException;

/** One temper command, such as {@code pull}: its declaration and what it runs. */
interface Verb {
  /** Returns the declaration that the command line is parsed against. */
  CommandSpec spec();

  /**
   * Runs the command and returns its exit code, one of {@link ExitCodes}.
   *
   * @throws dev.temper.cli.args.UsageException when option values do not fit together
   */
  int run(Invocation invocation) throws IOException, TemperException;
}
