package dev.temper.archive;

import dev.temper.oci.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Hashes and counts the bytes on their way to the stream below. */
final class HashingOutputStream extends FilterOutputStream {
  private final MessageDigest hasher = Digest.sha256Hasher();
  private long count;

  HashingOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    hasher.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    out.write(buffer, offset, length);
    hasher.update(buffer, offset, length);
    count += length;
  }

  Digest digest() {
    return Digest.sha256Of(hasher);
  }

  long count() {
    return count;
  }
}
