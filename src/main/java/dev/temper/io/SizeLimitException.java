package dev.temper.io;

import java.io.IOException;

/** A failure of {@link BoundedInputStream}: the content was longer than its limit. */
public final class SizeLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  SizeLimitException(String message) {
    super(message);
  }
}
