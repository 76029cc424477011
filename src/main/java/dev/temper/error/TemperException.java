package dev.temper.error;

/**
 * Base of the failures temper reports to a user. Each subtype corresponds to one exit code of the
 * command line, so the library decides what kind of failure happened and the CLI only renders it.
 */
public abstract class TemperException extends Exception {
  private static final long serialVersionUID = 1L;

  protected TemperException(String message) {
    super(message);
  }

  protected TemperException(String message, Throwable cause) {
    super(message, cause);
  }
}
