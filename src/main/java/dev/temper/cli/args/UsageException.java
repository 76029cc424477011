package dev.temper.cli.args;

import java.util.Optional;

/**
 * A command line that does not fit its command's declaration, or option values that the command
 * rejects: an unknown option, a missing value or parameter, a value that does not convert.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The command whose help explains the mistake, such as {@code temper pull}, or null. */
  private final String commandPath;

  /** Creates the exception for a mistake that the caller knows the command of. */
  public UsageException(String message) {
    this(null, message);
  }

  /**
   * Creates the exception.
   *
   * @param commandPath the command whose help explains the mistake, such as {@code temper pull}
   */
  public UsageException(String commandPath, String message) {
    super(message);
    this.commandPath = commandPath;
  }

  /** Returns the command whose help explains the mistake, when the thrower knew it. */
  public Optional<String> commandPath() {
    return Optional.ofNullable(commandPath);
  }
}
