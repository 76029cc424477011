package dev.temper.oci.blob;

import dev.temper.error.IntegrityException;
import java.io.IOException;

/**
 * Carries an {@link IntegrityException} out of {@link java.io.InputStream#read}, which may only
 * throw {@link IOException}. Code that reads blobs calls {@link #rethrowIntegrity(IOException)} at
 * its boundary, so its callers see the typed {@link IntegrityException}.
 */
public final class BlobIntegrityIOException extends IOException {
  private static final long serialVersionUID = 1L;

  public BlobIntegrityIOException(IntegrityException cause) {
    super(cause.getMessage(), cause);
  }

  /** Returns the integrity failure that this exception carries. */
  public IntegrityException integrity() {
    return (IntegrityException) getCause();
  }

  /**
   * Throws the {@link IntegrityException} inside {@code e} or its causes, if there is one, else
   * returns {@code e} for the caller to throw.
   */
  public static IOException rethrowIntegrity(IOException e) throws IntegrityException {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BlobIntegrityIOException integrity) {
        throw integrity.integrity();
      }
    }
    return e;
  }
}
