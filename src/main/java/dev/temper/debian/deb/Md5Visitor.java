package dev.temper.debian.deb;

import dev.temper.archive.EntryType;
import dev.temper.archive.TarEntryVisitor;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Computes the MD5 of each regular file on its way to another visitor, as dpkg's md5sums. */
final class Md5Visitor {
  private Md5Visitor() {}

  /** Returns a visitor that passes entries on and puts each file's MD5 into {@code sums}. */
  static TarEntryVisitor wrap(TarEntryVisitor next, Map<String, String> sums) {
    return (header, content) -> {
      if (header.type() != EntryType.FILE) {
        next.visit(header, content);
        return;
      }
      HashingStream hashing = new HashingStream(content);
      next.visit(header, hashing);
      hashing.transferTo(OutputStream.nullOutputStream());
      sums.put(header.path(), HexFormat.of().formatHex(hashing.md5.digest()));
    };
  }

  /** Hashes every byte, skipped ones too, which {@code DigestInputStream} does not. */
  private static final class HashingStream extends FilterInputStream {
    private final MessageDigest md5 = newMd5();

    HashingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        md5.update((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        md5.update(buffer, offset, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[8192];
      long skipped = 0;
      while (skipped < n) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    @Override
    public void close() {
      // The entry's stream belongs to the tar reader.
    }
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK provides MD5", e);
    }
  }
}
