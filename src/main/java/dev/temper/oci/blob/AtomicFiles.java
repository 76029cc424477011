package dev.temper.oci.blob;

import dev.temper.files.TemporaryNames;
import dev.temper.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * Writes files so that readers see either the old content or the complete new content: the bytes go
 * to a temporary file in the target's directory, which is then renamed over the target.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** A file written by {@link #copyHashing}: where it is, its SHA-256 and its size in bytes. */
  public record HashedFile(Path path, Digest digest, long size) {}

  /** Replaces {@code target} with the given bytes. */
  public static void write(Path target, byte[] bytes) throws IOException {
    Path temporary = temporarySibling(target);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      moveAtomically(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Copies a stream into a new temporary file in {@code directory}, computing its SHA-256 and size
   * in the same pass. The caller renames or deletes the file.
   *
   * @param maxBytes the size above which the copy fails with an {@link IOException}
   */
  public static HashedFile copyHashing(InputStream in, Path directory, long maxBytes)
      throws IOException {
    Path temporary = TemporaryNames.createFile(directory, ".upload-", ".tmp");
    MessageDigest hasher = Digest.sha256Hasher();
    long size = 0;
    boolean done = false;
    try (OutputStream out = Files.newOutputStream(temporary)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        size += n;
        if (size > maxBytes) {
          throw new IOException("content is larger than the limit of " + maxBytes + " bytes");
        }
        hasher.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temporary);
      }
    }
    return new HashedFile(temporary, Digest.sha256Of(hasher), size);
  }

  /**
   * Copies a stream into a new temporary file in {@code directory} and returns the file, which the
   * caller renames or deletes. On failure no file is left.
   */
  public static Path copyToTemporary(InputStream in, Path directory) throws IOException {
    Path temporary = TemporaryNames.createFile(directory, ".upload-", ".tmp");
    boolean done = false;
    try (OutputStream out = Files.newOutputStream(temporary)) {
      in.transferTo(out);
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temporary);
      }
    }
    return temporary;
  }

  /**
   * Makes a new temporary name in {@code directory} for the bytes of {@code source}: a hard link
   * when the file system allows one, else a copy. The caller renames or deletes it.
   */
  public static Path linkOrCopyToTemporary(Path source, Path directory) throws IOException {
    Path temporary = directory.resolve(".link-" + TemporaryNames.randomPart() + ".tmp");
    try {
      Files.createLink(temporary, source);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException | UnsupportedOperationException e) {
      // Another file system, or one without hard links: copy the bytes instead.
      try {
        Files.copy(source, temporary);
      } catch (IOException copyFailure) {
        Files.deleteIfExists(temporary);
        throw copyFailure;
      }
    }
    return temporary;
  }

  /** Renames {@code source} to {@code target} in one step, replacing a file at the target. */
  public static void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot rename " + source + " to " + target + " atomically: not the same file system", e);
    }
  }

  /** Creates an empty temporary file next to {@code target}, hidden by a leading dot. */
  public static Path temporarySibling(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    return TemporaryNames.createFile(parent, "." + target.getFileName() + ".", ".tmp");
  }
}
