package dev.temper.error;

/** An input (spec, index, package, image, key) is missing, malformed or fails a check. */
public class InvalidInputException extends TemperException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
