package dev.temper.debian.deb;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the members of a Unix ar archive, the container of a {@code .deb}, from a stream without
 * seeking. Each member's content is readable until the next call to {@link #next}.
 */
public final class ArReader {
  /** The global header of every ar archive. */
  static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);

  private static final int HEADER_LENGTH = 60;
  private static final int NAME_LENGTH = 16;
  private static final int SIZE_OFFSET = 48;
  private static final int SIZE_LENGTH = 10;

  private final InputStream in;
  private final String archive;
  private final long maxMemberSize;
  private MemberStream current;
  private boolean started;

  /**
   * @param in the archive, read from its first byte; not closed
   * @param archive the name used in messages
   * @param maxMemberSize the largest member size in bytes that is accepted
   */
  public ArReader(InputStream in, String archive, long maxMemberSize) {
    this.in = in;
    this.archive = archive;
    this.maxMemberSize = maxMemberSize;
  }

  /** One member of the archive, whose content ends at its declared size. */
  public record Member(String name, long size, InputStream content) {}

  /**
   * Skips what is left of the current member and returns the next one, or empty at the end.
   *
   * @throws InvalidInputException for a wrong magic, a malformed or truncated header or member, or
   *     a member larger than the limit
   */
  public Optional<Member> next() throws IOException, InvalidInputException {
    if (!started) {
      started = true;
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new InvalidInputException(archive + ": not an ar archive (wrong magic bytes)");
      }
    }
    if (current != null) {
      current.finish();
      current = null;
    }
    byte[] header = in.readNBytes(HEADER_LENGTH);
    if (header.length == 0) {
      return Optional.empty();
    }
    if (header.length < HEADER_LENGTH) {
      throw new InvalidInputException(archive + ": truncated ar member header");
    }
    if (header[58] != '`' || header[59] != '\n') {
      throw new InvalidInputException(archive + ": malformed ar member header");
    }
    String name = parseName(header);
    long size = parseSize(header, name);
    current = new MemberStream(in, size, archive, name);
    return Optional.of(new Member(name, size, current));
  }

  private static String parseName(byte[] header) {
    String name = new String(header, 0, NAME_LENGTH, StandardCharsets.US_ASCII).stripTrailing();
    // GNU ar ends names with '/'; dpkg-deb does not.
    if (name.endsWith("/") && name.length() > 1) {
      name = name.substring(0, name.length() - 1);
    }
    return name;
  }

  private long parseSize(byte[] header, String name) throws InvalidInputException {
    String text = new String(header, SIZE_OFFSET, SIZE_LENGTH, StandardCharsets.US_ASCII).strip();
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidInputException(
          archive + ": member '" + name + "' has an invalid size '" + text + "'");
    }
    long size = Long.parseLong(text);
    if (size > maxMemberSize) {
      throw new InvalidInputException(
          archive
              + ": member '"
              + name
              + "' declares "
              + size
              + " bytes, more than the limit of "
              + maxMemberSize);
    }
    return size;
  }

  /** The content of one member, followed by a padding byte when its size is odd. */
  private static final class MemberStream extends InputStream {
    private final InputStream in;
    private final String archive;
    private final String name;
    private final boolean padded;
    private long remaining;

    MemberStream(InputStream in, long size, String archive, String name) {
      this.in = in;
      this.remaining = size;
      this.padded = size % 2 == 1;
      this.archive = archive;
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining == 0) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      int n = in.read(buffer, offset, (int) Math.min(length, remaining));
      if (n < 0) {
        throw new TruncatedMemberException(
            archive + ": member '" + name + "' is truncated, " + remaining + " bytes missing");
      }
      remaining -= n;
      return n;
    }

    @Override
    public void close() {
      // The archive stays open for the next member.
    }

    void finish() throws IOException, InvalidInputException {
      try {
        transferTo(OutputStream.nullOutputStream());
      } catch (TruncatedMemberException e) {
        throw new InvalidInputException(e.getMessage(), e);
      }
      if (padded) {
        // The pad byte after an odd member; ending without it harms nothing, so EOF is accepted.
        in.read();
      }
    }
  }

  /** A member that ends before its declared size. */
  static final class TruncatedMemberException extends IOException {
    private static final long serialVersionUID = 1L;

    TruncatedMemberException(String message) {
      super(message);
    }
  }
}
