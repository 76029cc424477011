package dev.temper.archive;

import dev.temper.archive.EntryRules.UnsafeEntryException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Reads a tar stream, compressed with gzip, xz, zstd or bzip2 or not at all, as a sequence of
 * checked entries, under a {@link TarPolicy} that says which entries are rejected or skipped and
 * how much the stream may cost. Nothing is written to disk.
 *
 * <p>Failures of the input (corrupt or truncated data, a limit passed, an unsafe entry under a
 * rejecting policy) are raised as {@link InvalidInputException} naming the archive and the entry.
 * An {@link IOException} from the visitor passes through unchanged.
 */
public final class TarReader {
  /** The largest file content that {@link #readAll} holds in one array. */
  static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

  private final TarPolicy policy;

  public TarReader(TarPolicy policy) {
    this.policy = policy;
  }

  /**
   * Reads every entry and passes the accepted ones to the visitor.
   *
   * @param in the tar stream, compressed or not; not closed
   * @param archive the name used in messages, such as the file name or digest
   */
  public void read(InputStream in, String archive, TarEntryVisitor visitor)
      throws IOException, TemperException {
    read(in, archive, null, visitor);
  }

  /**
   * Reads every entry like {@link #read(InputStream, String, TarEntryVisitor)}, and first checks
   * that the magic bytes match the compression that the caller expects, such as the one that a
   * member name's suffix states.
   *
   * @param expected the compression the stream must have, or null for any
   */
  public void read(InputStream in, String archive, Compression expected, TarEntryVisitor visitor)
      throws IOException, TemperException {
    TarLimits limits = policy.limits();
    DecompressionGuard guard = new DecompressionGuard(limits, archive);
    try {
      Compression.Detected detected = Compression.detect(guard.countCompressed(in));
      if (expected != null && detected.compression() != expected) {
        throw new InvalidInputException(
            archive
                + ": expected "
                + expected.name().toLowerCase(Locale.ROOT)
                + " data but the content starts like "
                + detected.compression().name().toLowerCase(Locale.ROOT));
      }
      boolean compressed = detected.compression() != Compression.NONE;
      InputStream tar =
          guard.checkDecompressed(detected.compression().decompress(detected.stream()), compressed);
      GuardedTarInputStream entries =
          new GuardedTarInputStream(tar, limits.maxPaxHeaderSize(), archive);
      new TarSession(policy, archive, entries).run(visitor);
      // Reading to the end makes the decompressor check its trailer, such as gzip's CRC.
      tar.transferTo(OutputStream.nullOutputStream());
    } catch (DecompressionGuard.LimitExceededException | InputFailure e) {
      throw new InvalidInputException(e.getMessage(), e);
    } catch (IOException e) {
      if (e instanceof VisitorFailure visitorFailure) {
        throw visitorFailure.getCause();
      }
      throw new InvalidInputException(archive + ": invalid or truncated: " + e.getMessage(), e);
    }
  }

  /**
   * Reads every accepted entry into memory, regular file content included.
   *
   * @throws InvalidInputException also when one file is too large for an array
   */
  public List<FileEntry> readAll(InputStream in, String archive)
      throws IOException, TemperException {
    List<FileEntry> result = new ArrayList<>();
    read(
        in,
        archive,
        (header, content) -> {
          if (header.size() > MAX_ARRAY_SIZE) {
            throw new InvalidInputException(
                archive + ": entry '" + header.path() + "' is too large to hold in memory");
          }
          Content bytes =
              header.type() == EntryType.FILE
                  ? Content.of(content.readNBytes((int) header.size()))
                  : Content.EMPTY;
          result.add(header.toFileEntry(bytes));
        });
    return List.copyOf(result);
  }

  /** Walks the entries of one stream, keeping what the link checks need. */
  private static final class TarSession {
    private final TarPolicy policy;
    private final String archive;
    private final GuardedTarInputStream tar;
    private final Map<String, EntryType> seen = new HashMap<>();
    private int count;

    TarSession(TarPolicy policy, String archive, GuardedTarInputStream tar) {
      this.policy = policy;
      this.archive = archive;
      this.tar = tar;
    }

    void run(TarEntryVisitor visitor) throws IOException, TemperException {
      TarArchiveEntry entry;
      while ((entry = nextEntry()) != null) {
        count++;
        if (count > policy.limits().maxEntries()) {
          throw new InvalidInputException(
              archive + ": more than " + policy.limits().maxEntries() + " entries");
        }
        TarEntryHeader header = accept(entry);
        if (header == null) {
          continue;
        }
        EntryType seenAs =
            header.type() == EntryType.HARDLINK ? seen.get(header.linkTarget()) : header.type();
        seen.put(header.path(), seenAs);
        long size = header.type() == EntryType.FILE ? header.size() : 0;
        EntryContentStream content = new EntryContentStream(tar, size, archive, entry.getName());
        visit(visitor, header, content);
        content.drain();
      }
      if (!tar.sawEndBlock()) {
        throw new InputFailure(archive + ": truncated, the end-of-archive block is missing", null);
      }
    }

    private TarArchiveEntry nextEntry() throws InputFailure {
      try {
        return tar.getNextEntry();
      } catch (DecompressionGuard.LimitExceededException e) {
        throw new InputFailure(e.getMessage(), e);
      } catch (IOException | IllegalArgumentException e) {
        throw new InputFailure(
            archive + ": invalid or truncated after " + count + " entries: " + e.getMessage(), e);
      }
    }

    /** Returns the checked header, or null for the root directory and for skipped entries. */
    private TarEntryHeader accept(TarArchiveEntry entry) throws InvalidInputException {
      try {
        return TarHeaders.check(entry, policy, archive, seen);
      } catch (UnsafeEntryException e) {
        if (policy.rejectUnsafe()) {
          throw new InvalidInputException(
              archive + ": entry '" + printable(entry.getName()) + "': " + e.getMessage());
        }
        policy.listener().skipped(archive, printable(entry.getName()), e.getMessage());
        return null;
      }
    }

    private static void visit(
        TarEntryVisitor visitor, TarEntryHeader header, EntryContentStream content)
        throws IOException, TemperException {
      try {
        visitor.visit(header, content);
      } catch (InputFailure e) {
        throw e;
      } catch (IOException e) {
        throw new VisitorFailure(e);
      }
    }
  }

  /** Returns the name with NUL and other control characters escaped for a message. */
  static String printable(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A failure of the archive itself, raised while the visitor reads an entry's content. */
  static final class InputFailure extends IOException {
    private static final long serialVersionUID = 1L;

    InputFailure(String message, Throwable cause) {
      super(message, cause);
    }

    static InputFailure of(String archive, String entry, IOException cause) {
      if (cause instanceof InputFailure failure) {
        return failure;
      }
      if (cause instanceof DecompressionGuard.LimitExceededException) {
        return new InputFailure(cause.getMessage(), cause);
      }
      return new InputFailure(
          archive + ": invalid or truncated in entry '" + entry + "': " + cause.getMessage(),
          cause);
    }
  }

  /** Carries an {@link IOException} of the visitor past the archive's own error handling. */
  private static final class VisitorFailure extends IOException {
    private static final long serialVersionUID = 1L;

    VisitorFailure(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }
}
