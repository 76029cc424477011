package dev.temper.debian;

import dev.temper.error.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tukaani.xz.XZIOException;
import org.tukaani.xz.XZInputStream;

/**
 * Parses a Packages index, uncompressed or xz-compressed, into {@link BinaryPackage}s. Every stanza
 * must have Package, Version, Architecture, Filename, Size and SHA256, because a package that
 * cannot be downloaded and verified is of no use to a build.
 */
public final class PackagesParser {
  /**
   * Memory limit of the xz decoder in KiB. Debian's indexes need 9 MiB (8 MiB dictionary), and the
   * largest xz preset, -9e, needs 65 MiB, so a header that requests more is treated as hostile.
   */
  static final int XZ_MEMORY_LIMIT_KIB = 128 * 1024;

  /** Size of the decompressed chunks that the read-ahead thread hands over. */
  private static final int READ_AHEAD_CHUNK_BYTES = 1 << 20;

  /** Number of chunks the read-ahead thread may decompress before the parser takes them. */
  private static final int READ_AHEAD_CHUNKS = 4;

  private PackagesParser() {}

  /**
   * Parses an uncompressed Packages index.
   *
   * @param origin the index the stanzas come from, recorded on each package
   * @param displayName names the index in error messages
   * @throws InvalidInputException with a message {@code INDEX: line N: package NAME: PROBLEM},
   *     where N is the first line of the bad stanza, or {@code INDEX: line N: PROBLEM} when the
   *     stanza has no valid Package field or the line itself is malformed
   */
  public static List<BinaryPackage> parse(InputStream in, PackageOrigin origin, String displayName)
      throws IOException, InvalidInputException {
    Deb822Reader reader = new Deb822Reader(in, displayName);
    StanzaCollector collector = new StanzaCollector(origin, displayName);
    reader.read(collector);
    return collector.packages();
  }

  /**
   * Parses an xz-compressed Packages index file.
   *
   * @see #parseXz(InputStream, PackageOrigin, String)
   */
  public static List<BinaryPackage> parseXz(Path file, PackageOrigin origin, String displayName)
      throws IOException, InvalidInputException {
    return parseXz(Files.newInputStream(file), origin, displayName);
  }

  /**
   * Parses an xz-compressed Packages index and closes the stream. A background thread decompresses
   * while the calling thread parses, which takes the time of the slower of the two when a second
   * core is free. Decompression takes about four times as long as parsing, as docs/benchmarks.md
   * shows.
   *
   * @throws InvalidInputException if the xz data is corrupt, truncated or needs more than {@value
   *     #XZ_MEMORY_LIMIT_KIB} KiB to decode, or as {@link #parse} throws it
   * @throws IOException if reading the compressed stream fails
   */
  public static List<BinaryPackage> parseXz(
      InputStream compressed, PackageOrigin origin, String displayName)
      throws IOException, InvalidInputException {
    InputStream buffered = new BufferedInputStream(compressed, 1 << 16);
    try {
      XZInputStream xz = new XZInputStream(buffered, XZ_MEMORY_LIMIT_KIB);
      try (InputStream in =
          new ReadAheadInputStream(
              xz, READ_AHEAD_CHUNK_BYTES, READ_AHEAD_CHUNKS, "xz reader for " + displayName)) {
        return parse(in, origin, displayName);
      }
    } catch (XZIOException e) {
      buffered.close();
      throw new InvalidInputException(displayName + ": invalid xz data: " + e.getMessage(), e);
    } catch (EOFException e) {
      buffered.close();
      throw new InvalidInputException(displayName + ": truncated xz data", e);
    } catch (IOException | InvalidInputException | RuntimeException e) {
      buffered.close();
      throw e;
    }
  }
}
