package dev.temper.oci.blob;

import dev.temper.error.IntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

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
   * Reads the rest of a verifying blob stream after a failure to parse its content, and returns the
   * digest or size mismatch found at its end, if there is one. A changed byte usually makes a
   * decompressor fail before the end of the blob, and the mismatch is the cause to report.
   */
  public static Optional<IntegrityException> integrityOfRest(InputStream blob) {
    try {
      blob.transferTo(OutputStream.nullOutputStream());
    } catch (BlobIntegrityIOException e) {
      return Optional.of(e.integrity());
    } catch (IOException e) {
      // The stream cannot be read further; the caller reports its own failure.
    }
    return Optional.empty();
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
