package dev.temper.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NetworkException;
import dev.temper.error.ParseErrors;
import dev.temper.registry.HttpClientShutdown;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

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
    CommandLine commandLine = TemperCommand.commandLine(args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(Main::handleFailure);
    commandLine.setParameterExceptionHandler(
        (e, a) -> {
          err.println("temper: " + e.getMessage());
          err.println("Run 'temper --help' for usage.");
          return ExitCodes.USAGE;
        });
    return commandLine.execute(args);
  }

  private static int handleFailure(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    Throwable failure = e instanceof UncheckedIOException u ? u.getCause() : e;
    err.println("temper: " + message(failure));
    if (Logging.debugEnabled()) {
      failure.printStackTrace(err);
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
    if (failure instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    if (failure instanceof java.io.IOException) {
      return ExitCodes.INVALID_INPUT;
    }
    return ExitCodes.INVALID_INPUT;
  }
}
