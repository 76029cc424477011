package dev.temper.oci.docker;

import dev.temper.error.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The regular-file members of a tar file and where their data starts, found by reading only the
 * headers (the data is skipped with seeks), so members can later be read in place without
 * extracting the archive.
 */
final class TarIndex {
  /** Bounds the headers of a hostile archive; {@code docker save} writes a few per layer. */
  static final int MAX_MEMBERS = 100_000;

  /** A member's data: its offset in the file and its size in bytes. */
  record Member(String name, long offset, long size) {}

  private final Map<String, Member> members;

  private TarIndex(Map<String, Member> members) {
    this.members = members;
  }

  /**
   * Reads the headers of the tar file behind the channel.
   *
   * @param archiveName names the archive in errors
   */
  static TarIndex read(FileChannel channel, String archiveName)
      throws IOException, InvalidInputException {
    Map<String, Member> members = new HashMap<>();
    CountingInputStream counting =
        new CountingInputStream(
            new BufferedInputStream(new RangeInputStream(channel, 0, channel.size()), 512));
    TarArchiveInputStream tar = new TarArchiveInputStream(counting);
    int count = 0;
    TarArchiveEntry entry;
    while ((entry = tar.getNextEntry()) != null) {
      if (++count > MAX_MEMBERS) {
        throw new InvalidInputException(
            archiveName + ": more than " + MAX_MEMBERS + " tar members");
      }
      if (!entry.isFile() || entry.isSparse()) {
        continue;
      }
      String name = normalize(entry.getName());
      // The data of an entry starts right after its header records, where the stream now is.
      members.put(name, new Member(name, counting.count, entry.getSize()));
    }
    return new TarIndex(Map.copyOf(members));
  }

  private static String normalize(String name) {
    String normalized = name;
    while (normalized.startsWith("./")) {
      normalized = normalized.substring(2);
    }
    return normalized;
  }

  /** Returns the member with the name, with or without a leading {@code ./}. */
  Optional<Member> find(String name) {
    return Optional.ofNullable(members.get(normalize(name)));
  }

  /** Opens a member's data for reading by position, so several can be open at once. */
  static InputStream open(FileChannel channel, Member member) {
    return new RangeInputStream(channel, member.offset(), member.size());
  }

  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      count += skipped;
      return skipped;
    }
  }

  /** Reads a byte range of a file channel with positional reads. */
  private static final class RangeInputStream extends InputStream {
    private final FileChannel channel;
    private final long end;
    private long position;

    RangeInputStream(FileChannel channel, long start, long size) {
      this.channel = channel;
      this.position = start;
      this.end = start + size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (position >= end) {
        return -1;
      }
      int count = (int) Math.min(length, end - position);
      int n = channel.read(ByteBuffer.wrap(buffer, offset, count), position);
      if (n < 0) {
        return -1;
      }
      position += n;
      return n;
    }

    @Override
    public long skip(long n) {
      // Seeks instead of reading, so indexing a large archive reads only its headers.
      long skipped = Math.max(0, Math.min(n, end - position));
      position += skipped;
      return skipped;
    }
  }
}
