package dev.temper.error;

/** A remote server could not be reached or kept failing after the bounded retries. */
public class NetworkException extends TemperException {
  private static final long serialVersionUID = 1L;

  public NetworkException(String message) {
    super(message);
  }

  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
