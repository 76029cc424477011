package dev.temper.archive;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tukaani.xz.XZInputStream;

/** The compressions that tar streams come in, recognised by their magic bytes. */
public enum Compression {
  NONE,
  GZIP,
  XZ,
  ZSTD,
  BZIP2;

  /** Memory that xz may use for its dictionary; {@code xz -9} needs 64 MiB. */
  private static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;

  private static final int MAGIC_LENGTH = 6;
  private static final int BUFFER_SIZE = 64 * 1024;

  /** A stream whose first bytes have been read to learn its compression. */
  public record Detected(Compression compression, InputStream stream) {}

  /**
   * Reads the first bytes of a stream and returns its compression with a stream that still starts
   * at the first byte. Anything that is not gzip, xz, zstd or bzip2 counts as {@link #NONE}.
   */
  public static Detected detect(InputStream in) throws IOException {
    byte[] head = in.readNBytes(MAGIC_LENGTH);
    InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), in);
    return new Detected(of(head), whole);
  }

  /** Returns the compression that the magic bytes at the start of {@code head} name. */
  static Compression of(byte[] head) {
    if (startsWith(head, 0x1f, 0x8b)) {
      return GZIP;
    }
    if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
      return XZ;
    }
    if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
      return ZSTD;
    }
    if (startsWith(head, 'B', 'Z', 'h')) {
      return BZIP2;
    }
    return NONE;
  }

  /**
   * Wraps a compressed stream in a decompressing one. Concatenated gzip and bzip2 members are read
   * as one stream, as {@code zcat} reads them.
   */
  public InputStream decompress(InputStream in) throws IOException {
    InputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
    return switch (this) {
      case NONE -> buffered;
      case GZIP -> new GzipCompressorInputStream(buffered, true);
      case XZ -> new XZInputStream(buffered, XZ_MEMORY_LIMIT_KIB);
      case ZSTD -> new BufferedInputStream(new ZstdInputStreamNoFinalizer(buffered), BUFFER_SIZE);
      case BZIP2 -> new BZip2CompressorInputStream(buffered, true);
    };
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
