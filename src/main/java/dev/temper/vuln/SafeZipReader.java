package dev.temper.vuln;

import dev.temper.error.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads the {@code .json} entries of a zip archive as a stream, without extracting anything. An
 * archive is rejected whole if an entry name could escape a directory ({@code ..}, an absolute
 * path, a backslash or a drive letter), if an entry is larger than {@link #MAX_ENTRY_BYTES} once
 * decompressed, or if an entry decompresses to more than {@link #MAX_RATIO} times its compressed
 * size, which is how a zip bomb looks.
 */
final class SafeZipReader {
  /** Maximum decompressed size of one entry. The largest OSV records are a few MiB. */
  static final long MAX_ENTRY_BYTES = 64L << 20;

  /** Maximum ratio of decompressed to compressed bytes, checked once an entry passes 1 MiB. */
  static final long MAX_RATIO = 100;

  private static final long RATIO_THRESHOLD = 1L << 20;

  /** Receives one entry's name and its decompressed bytes. */
  @FunctionalInterface
  interface EntryHandler {
    void accept(String name, InputStream in) throws IOException, InvalidInputException;
  }

  private SafeZipReader() {}

  /**
   * Passes each {@code .json} entry of {@code zip} to {@code handler}, in archive order.
   *
   * @throws InvalidInputException if the archive is malformed or breaks a limit, naming the entry
   */
  static void forEachEntry(Path zip, EntryHandler handler)
      throws IOException, InvalidInputException {
    int expected = countJsonEntries(zip);
    int seen = 0;
    try (ZipArchiveInputStream in =
        new ZipArchiveInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16))) {
      ZipArchiveEntry entry;
      while ((entry = nextEntry(in, zip)) != null) {
        String name = entry.getName();
        checkName(zip, name);
        if (entry.isDirectory() || !name.toLowerCase(Locale.ROOT).endsWith(".json")) {
          continue;
        }
        if (!in.canReadEntryData(entry)) {
          throw new InvalidInputException(
              zip + ": entry " + name + " uses an unsupported compression method or encryption");
        }
        try {
          handler.accept(name, new Guard(in, zip, name));
        } catch (EntryRejected e) {
          throw new InvalidInputException(e.getMessage() + "; archive rejected", e);
        }
        seen++;
      }
    }
    if (seen != expected) {
      throw new InvalidInputException(
          zip
              + ": the central directory lists "
              + expected
              + " JSON entries but "
              + seen
              + " were read; the archive is damaged and was rejected");
    }
  }

  /**
   * Returns the number of {@code .json} entries the central directory lists. Reading it first
   * rejects an archive cut short, such as an interrupted download, whose local entries would
   * otherwise stream without an error and import only part of the advisories.
   */
  private static int countJsonEntries(Path zip) throws IOException, InvalidInputException {
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      int count = 0;
      var entries = file.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".json")) {
          count++;
        }
      }
      return count;
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new InvalidInputException(
          zip + ": not a complete zip archive (" + e.getMessage() + "); archive rejected", e);
    } catch (IOException e) {
      if (e instanceof java.nio.file.NoSuchFileException) {
        throw e;
      }
      throw new InvalidInputException(
          zip + ": not a complete zip archive (" + e.getMessage() + "); archive rejected", e);
    }
  }

  private static ZipArchiveEntry nextEntry(ZipArchiveInputStream in, Path zip)
      throws InvalidInputException {
    try {
      return in.getNextEntry();
    } catch (IOException e) {
      throw new InvalidInputException(zip + ": not a valid zip archive: " + e.getMessage(), e);
    }
  }

  static void checkName(Path zip, String name) throws InvalidInputException {
    String reason = null;
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      reason = "empty name or NUL character";
    } else if (name.startsWith("/") || name.indexOf('\\') >= 0) {
      reason = "absolute path or backslash";
    } else if (name.length() >= 2 && name.charAt(1) == ':') {
      reason = "drive letter";
    } else {
      for (String segment : name.split("/")) {
        if (segment.equals("..")) {
          reason = "'..' segment";
        }
      }
    }
    if (reason != null) {
      throw new InvalidInputException(
          zip
              + ": entry name '"
              + name
              + "' could escape a directory ("
              + reason
              + "); archive rejected");
    }
  }

  /**
   * Thrown from inside a read, where only an IOException can pass, when a limit is broken or the
   * entry's compressed data is damaged.
   */
  private static final class EntryRejected extends IOException {
    private static final long serialVersionUID = 1L;

    EntryRejected(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Checks the limits after every read, and ignores close so the archive stream stays open. */
  private static final class Guard extends FilterInputStream {
    private final ZipArchiveInputStream zip;
    private final String where;

    Guard(ZipArchiveInputStream zip, Path archive, String name) {
      super(zip);
      this.zip = zip;
      this.where = archive + ": entry " + name;
    }

    @Override
    public int read() throws IOException {
      int value;
      try {
        value = super.read();
      } catch (ZipException | EOFException e) {
        throw damaged(e);
      }
      check();
      return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count;
      try {
        count = super.read(buffer, offset, length);
      } catch (ZipException | EOFException e) {
        throw damaged(e);
      }
      check();
      return count;
    }

    @Override
    public void close() {
      // The next entry is read from the same stream.
    }

    private EntryRejected damaged(IOException e) {
      return new EntryRejected(where + " is damaged (" + e.getMessage() + ")", e);
    }

    private void check() throws EntryRejected {
      long uncompressed = zip.getUncompressedCount();
      if (uncompressed > MAX_ENTRY_BYTES) {
        throw new EntryRejected(
            where + " is larger than the limit of " + MAX_ENTRY_BYTES + " bytes", null);
      }
      long compressed = Math.max(1, zip.getCompressedCount());
      if (uncompressed > RATIO_THRESHOLD && uncompressed / compressed > MAX_RATIO) {
        throw new EntryRejected(
            where
                + " expands "
                + uncompressed / compressed
                + " times, above the limit of "
                + MAX_RATIO,
            null);
      }
    }
  }
}
