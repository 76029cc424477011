package dev.temper.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.temper.cache.HttpClientShutdown;
import dev.temper.cli.args.ArgumentParser;
import dev.temper.cli.args.ParsedArgs;
import dev.temper.cli.args.UsageException;
import dev.temper.error.ControlCharacters;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NetworkException;
import dev.temper.error.ParseErrors;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/** Entry point of the {@code temper} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    HttpClientShutdown.beforeExit();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code, writing to the given streams. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Logging.configure(args);
    int code = execute(args, out, err);
    out.flush();
    err.flush();
    return code;
  }

  private static int execute(String[] args, PrintWriter out, PrintWriter err) {
    ParsedArgs parsed;
    try {
      parsed = ArgumentParser.parse(TemperCommand.SPEC, args);
    } catch (UsageException e) {
      return usageError(e, TemperCommand.SPEC.name(), err);
    }
    if (parsed.versionRequested()) {
      out.println(TemperVersion.line());
      return ExitCodes.OK;
    }
    // A command that needs a subcommand and got none, such as "temper db", shows its help.
    if (parsed.helpRequested() || parsed.command().subcommands().isPresent()) {
      out.print(parsed.help());
      return ExitCodes.OK;
    }
    Verb verb = TemperCommand.create(parsed.commandNames().get(1));
    try {
      return verb.run(new Invocation(parsed, out, err));
    } catch (UsageException e) {
      return usageError(e, parsed.commandPath(), err);
    } catch (IOException | TemperException | RuntimeException e) {
      return handleFailure(e, err);
    }
  }

  /** Prints a usage error and where to read the help, and returns the usage exit code. */
  private static int usageError(UsageException e, String commandPath, PrintWriter err) {
    err.println("temper: " + ControlCharacters.escape(e.getMessage()));
    err.println("Run '" + e.commandPath().orElse(commandPath) + " --help' for usage.");
    return ExitCodes.USAGE;
  }

  private static int handleFailure(Exception e, PrintWriter err) {
    Throwable failure = e instanceof UncheckedIOException u ? u.getCause() : e;
    // Messages quote paths, arguments and file contents, so their control characters are escaped.
    err.println("temper: " + ControlCharacters.escape(message(failure)));
    if (Logging.debugEnabled()) {
      err.print(ControlCharacters.escapeStackTrace(failure));
    }
    return exitCode(failure);
  }

  private static String message(Throwable failure) {
    if (failure instanceof NoSuchFileException missing) {
      return "file not found: " + missing.getFile();
    }
    if (failure instanceof JsonProcessingException parse) {
      // A Jackson failure that no library code caught names no file, but still reads plainly.
      return ParseErrors.describe("document", parse);
    }
    String message = failure.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }

  /** Maps a failure to the exit code that names its kind. */
  static int exitCode(Throwable failure) {
    if (failure instanceof InvalidInputException || failure instanceof NoSuchFileException) {
      return ExitCodes.INVALID_INPUT;
    }
    if (failure instanceof NetworkException) {
      return ExitCodes.NETWORK;
    }
    if (failure instanceof UsageException) {
      return ExitCodes.USAGE;
    }
    if (failure instanceof java.io.IOException) {
      return ExitCodes.INVALID_INPUT;
    }
    return ExitCodes.INVALID_INPUT;
  }
}
