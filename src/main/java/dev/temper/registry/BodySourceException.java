package dev.temper.registry;

import java.io.IOException;

/**
 * A request body that could not be read from its local source, such as a blob file that fails to
 * read or is shorter than its descriptor. Sending the request again cannot fix it, so the transport
 * passes it on without retries, and it is no network failure.
 */
final class BodySourceException extends IOException {
  private static final long serialVersionUID = 1L;

  BodySourceException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Returns the exception of this type in the cause chain of {@code failure}, or null. */
  static BodySourceException in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodySourceException local) {
        return local;
      }
    }
    return null;
  }
}
