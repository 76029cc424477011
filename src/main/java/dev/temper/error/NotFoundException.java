package dev.temper.error;

/**
 * A requested file does not exist at its source, such as an HTTP 404 from a mirror. Callers catch
 * it to fall back to an alternative, for example from {@code Packages.xz} to {@code Packages.gz}.
 */
public class NotFoundException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
