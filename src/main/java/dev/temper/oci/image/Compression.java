package dev.temper.oci.image;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** The compressions of layer tars, detected by their magic numbers. */
public enum Compression {
  NONE,
  GZIP,
  ZSTD;

  /** The number of leading bytes that {@link #detect} looks at. */
  public static final int MAGIC_LENGTH = 4;

  /** Returns the compression whose magic number starts the bytes; NONE when none does. */
  public static Compression detect(byte[] head, int length) {
    if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (length >= 4
        && (head[0] & 0xff) == 0x28
        && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd) {
      return ZSTD;
    }
    return NONE;
  }

  /** Returns the compression that a layer media type names, such as GZIP for {@code tar+gzip}. */
  public static Compression ofMediaType(String mediaType) {
    if (mediaType.endsWith("+gzip") || mediaType.endsWith(".tar.gzip")) {
      return GZIP;
    }
    if (mediaType.endsWith("+zstd")) {
      return ZSTD;
    }
    return NONE;
  }

  /**
   * Returns a stream of the decompressed bytes. The compression is taken from the magic number; the
   * media type is not trusted for it, as containerd and docker do.
   */
  public static InputStream decompress(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
    buffered.mark(MAGIC_LENGTH);
    byte[] head = buffered.readNBytes(MAGIC_LENGTH);
    buffered.reset();
    return switch (detect(head, head.length)) {
      case GZIP -> new GZIPInputStream(buffered, 64 * 1024);
      case ZSTD -> new ZstdInputStream(buffered);
      case NONE -> buffered;
    };
  }
}
