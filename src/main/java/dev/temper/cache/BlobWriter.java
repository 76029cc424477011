package dev.temper.cache;

import dev.temper.error.IntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one stream to a temporary blob file, hashing and counting in the same pass. */
final class BlobWriter {
  private static final int BUFFER_SIZE = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(BlobWriter.class);

  private BlobWriter() {}

  /**
   * Copies {@code in} to {@code temp}, checks its size and digest, syncs it to disk and makes it
   * read-only. A large file is synced in steps while it is written, see {@link EarlyWriteback}.
   * Reads at most {@code expectedSize + 1} bytes when the size is known.
   *
   * @throws TruncatedContentException if fewer than {@code expectedSize} bytes arrive
   * @throws IntegrityException if more bytes arrive or the digest differs
   */
  static void write(
      InputStream in, Path temp, long expectedSize, String expectedSha256, String displayName)
      throws IOException, IntegrityException {
    MessageDigest digest = Sha256.newDigest();
    byte[] buffer = new byte[BUFFER_SIZE];
    long count = 0;
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      EarlyWriteback writeback = new EarlyWriteback(out, EarlyWriteback.DEFAULT_STEP);
      int read;
      while ((read = in.read(buffer, 0, readLimit(expectedSize, count))) >= 0) {
        count += read;
        if (expectedSize >= 0 && count > expectedSize) {
          throw new IntegrityException(
              displayName
                  + ": size mismatch, expected "
                  + expectedSize
                  + " bytes but got more than "
                  + expectedSize);
        }
        digest.update(buffer, 0, read);
        writeFully(out, ByteBuffer.wrap(buffer, 0, read));
        writeback.written(count);
      }
      if (expectedSize >= 0 && count < expectedSize) {
        throw new TruncatedContentException(displayName, expectedSize, count);
      }
      String actual = Sha256.hex(digest.digest());
      if (!actual.equals(expectedSha256)) {
        throw IntegrityException.digestMismatch(displayName, expectedSha256, actual);
      }
      writeback.finish();
      out.force(true);
    }
    makeReadOnly(temp);
  }

  /** Flushes a directory entry change, such as a rename, to disk where the platform allows it. */
  static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory. The rename stays atomic, but a power loss right
      // after it may lose the new blob, which the next run then downloads again.
      LOG.debug("Could not sync directory {}: {}", directory, e.toString());
    }
  }

  private static int readLimit(long expectedSize, long count) {
    if (expectedSize < 0) {
      return BUFFER_SIZE;
    }
    // One byte past the expected size is enough to detect an oversized body.
    return (int) Math.min(BUFFER_SIZE, expectedSize - count + 1);
  }

  private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }

  private static void makeReadOnly(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    }
  }
}
