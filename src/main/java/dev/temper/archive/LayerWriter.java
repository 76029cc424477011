package dev.temper.archive;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.temper.error.InvalidInputException;
import dev.temper.files.TemporaryNames;
import dev.temper.oci.Digest;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a file tree as a reproducible image layer. Entries are sorted by path with parents first,
 * and missing parent directories are added (0755, owned by 0:0). Owner ids come from the entries,
 * owner names are empty, and every header carries the one fixed time. PAX headers carry long names,
 * long link targets and large numbers, and nothing pads the archive beyond its two end-of-archive
 * blocks. The same entries and options give the same bytes in any input order. The diff ID depends
 * on nothing else. The compressed bytes also depend on the zlib that the JDK uses and on the
 * zstd-jni version, so a blob digest is only stable across machines that share them.
 *
 * <p>The diff ID, the blob digest and the sizes are computed while the bytes are written. The blob
 * goes to a temporary file beside the target that is renamed into place, so the target never holds
 * a partial layer.
 */
public final class LayerWriter {
  private static final int BUFFER_SIZE = 64 * 1024;

  /**
   * One 512-byte record per block, so only the two zero blocks end the archive, with no padding.
   */
  private static final int TAR_BLOCK_SIZE = 512;

  private LayerWriter() {}

  /**
   * Writes the entries as a layer blob at {@code target}.
   *
   * @throws InvalidInputException when the entries do not form a tree: duplicate paths, a parent
   *     that is not a directory, a hard link without a regular file behind it, or content whose
   *     size differs from what it declared
   */
  public static LayerBlob write(Collection<FileEntry> entries, Path target, LayerOptions options)
      throws IOException, InvalidInputException {
    List<FileEntry> planned = LayerTree.plan(entries);
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = TemporaryNames.createFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      LayerBlob blob = writeTo(planned, temp, options);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return new LayerBlob(
          target,
          blob.diffId(),
          blob.digest(),
          blob.size(),
          blob.uncompressedSize(),
          blob.entryCount(),
          blob.compression());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static LayerBlob writeTo(List<FileEntry> planned, Path file, LayerOptions options)
      throws IOException, InvalidInputException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      OutputStream fileStream =
          new BufferedOutputStream(unclosable(Channels.newOutputStream(channel)), BUFFER_SIZE);
      // An uncompressed blob is the tar itself, so hashing it once gives both digests.
      boolean compressed = options.compression() != Compression.NONE;
      HashingOutputStream blob = compressed ? new HashingOutputStream(fileStream) : null;
      OutputStream compressor = compressed ? compressor(blob, options) : fileStream;
      HashingOutputStream uncompressed =
          new HashingOutputStream(new BufferedOutputStream(compressor, BUFFER_SIZE));
      TarArchiveOutputStream tar = tarStream(uncompressed);
      for (FileEntry entry : planned) {
        writeEntry(tar, entry, options.mtime());
      }
      tar.finish();
      uncompressed.flush();
      compressor.close();
      fileStream.flush();
      channel.force(false);

      Digest diffId = uncompressed.digest();
      return new LayerBlob(
          file,
          diffId,
          compressed ? blob.digest() : diffId,
          compressed ? blob.count() : uncompressed.count(),
          uncompressed.count(),
          planned.size(),
          options.compression());
    }
  }

  /** Keeps the channel open when the compressor closes its stream, so it can be forced. */
  private static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  private static OutputStream compressor(OutputStream out, LayerOptions options)
      throws IOException {
    return switch (options.compression()) {
      case GZIP -> new ReproducibleGzipOutputStream(out, options.level());
      case ZSTD -> new ZstdOutputStreamNoFinalizer(out, options.level());
      default -> throw new AssertionError("no compressor for " + options.compression());
    };
  }

  private static TarArchiveOutputStream tarStream(OutputStream out) {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, TAR_BLOCK_SIZE, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    return tar;
  }

  private static void writeEntry(TarArchiveOutputStream tar, FileEntry entry, long mtime)
      throws IOException, InvalidInputException {
    TarArchiveEntry header = header(entry, mtime);
    tar.putArchiveEntry(header);
    if (entry.type() == EntryType.FILE) {
      long written;
      try (InputStream in = entry.content().open()) {
        written = copyAtMost(in, tar, entry.content().size());
      }
      if (written != entry.content().size()) {
        throw new InvalidInputException(
            "layer: content of '"
                + entry.path()
                + "' has "
                + written
                + " bytes but declared "
                + entry.content().size());
      }
    }
    tar.closeArchiveEntry();
  }

  private static TarArchiveEntry header(FileEntry entry, long mtime) {
    TarArchiveEntry header =
        switch (entry.type()) {
          case DIRECTORY -> new TarArchiveEntry(entry.path() + "/", TarConstants.LF_DIR);
          case FILE -> new TarArchiveEntry(entry.path(), TarConstants.LF_NORMAL);
          case SYMLINK -> new TarArchiveEntry(entry.path(), TarConstants.LF_SYMLINK);
          case HARDLINK -> new TarArchiveEntry(entry.path(), TarConstants.LF_LINK);
        };
    if (entry.linkTarget() != null) {
      header.setLinkName(entry.linkTarget());
    }
    header.setSize(entry.type() == EntryType.FILE ? entry.content().size() : 0);
    header.setMode(entry.mode());
    header.setUserId(entry.uid());
    header.setGroupId(entry.gid());
    header.setUserName("");
    header.setGroupName("");
    header.setLastModifiedTime(FileTime.from(mtime, TimeUnit.SECONDS));
    return header;
  }

  /** Copies up to {@code limit} bytes and returns the count, plus one if more were available. */
  private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    long total = 0;
    while (total < limit) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
      if (n < 0) {
        return total;
      }
      out.write(buffer, 0, n);
      total += n;
    }
    return in.read() < 0 ? total : total + 1;
  }
}
