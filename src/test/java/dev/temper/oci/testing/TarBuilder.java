package dev.temper.oci.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small tar files in memory, entries in the order they are added, for test layers. */
public final class TarBuilder {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

  public TarBuilder() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  /** Adds a regular file with mode 0644. */
  public TarBuilder file(String path, String content) {
    return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
  }

  /** Adds a regular file. */
  public TarBuilder file(String path, byte[] content, int mode) {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setSize(content.length);
    entry.setMode(0100000 | mode);
    return add(entry, content);
  }

  /** Adds a directory with mode 0755; the name gets a trailing slash. */
  public TarBuilder directory(String path) {
    TarArchiveEntry entry = new TarArchiveEntry(path.endsWith("/") ? path : path + "/");
    entry.setMode(040755);
    return add(entry, new byte[0]);
  }

  /** Adds a symbolic link. */
  public TarBuilder symlink(String path, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_SYMLINK);
    entry.setLinkName(target);
    entry.setMode(0120777);
    return add(entry, new byte[0]);
  }

  /** Adds a hard link to an earlier entry. */
  public TarBuilder hardlink(String path, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_LINK);
    entry.setLinkName(target);
    entry.setMode(0100644);
    return add(entry, new byte[0]);
  }

  /** Adds a character device node. */
  public TarBuilder characterDevice(String path) {
    TarArchiveEntry entry = new TarArchiveEntry(path, TarConstants.LF_CHR);
    entry.setMode(020644);
    return add(entry, new byte[0]);
  }

  private TarBuilder add(TarArchiveEntry entry, byte[] content) {
    try {
      entry.setModTime(0);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Finishes the archive and returns its bytes. */
  public byte[] build() {
    try {
      tar.finish();
      tar.close();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the gzip compression of the bytes. */
  public static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
