package dev.temper.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Builds tar bytes header by header, so tests can write what no well-behaved tar library would:
 * escaping names, bad links, device nodes, lying sizes and truncated streams.
 */
final class RawTar {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Adds a regular file with content. */
  RawTar file(String name, byte[] content) {
    header(name, '0', content.length, "");
    data(content);
    return this;
  }

  RawTar file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  RawTar directory(String name) {
    return header(name, '5', 0, "");
  }

  RawTar symlink(String name, String target) {
    return header(name, '2', 0, target);
  }

  RawTar hardLink(String name, String target) {
    return header(name, '1', 0, target);
  }

  /** Adds a PAX extended header whose records apply to the next entry. */
  RawTar pax(String records) {
    byte[] content = records.getBytes(StandardCharsets.UTF_8);
    header("PaxHeaders/x", 'x', content.length, "");
    data(content);
    return this;
  }

  /** Returns one PAX record {@code "<length> key=value\n"}. */
  static String paxRecord(String key, String value) {
    int body = key.length() + value.getBytes(StandardCharsets.UTF_8).length + 3;
    int length = body + String.valueOf(body).length();
    if (String.valueOf(length).length() != String.valueOf(body).length()) {
      length++;
    }
    return length + " " + key + "=" + value + "\n";
  }

  /** Adds a header with any type flag and declared size, without content. */
  RawTar header(String name, char type, long size, String linkName) {
    byte[] header = new byte[512];
    put(header, 0, 100, name);
    put(header, 100, 8, "0000644");
    put(header, 108, 8, "0000000");
    put(header, 116, 8, "0000000");
    if (size < 077777777777L) {
      put(header, 124, 12, String.format("%011o", size));
    } else {
      header[124] = (byte) 0x80;
      for (int i = 0; i < 8; i++) {
        header[135 - i] = (byte) (size >>> (8 * i));
      }
    }
    put(header, 136, 12, String.format("%011o", 1_700_000_000L));
    header[156] = (byte) type;
    put(header, 157, 100, linkName);
    put(header, 257, 6, "ustar");
    put(header, 263, 2, "00");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, 8, String.format("%06o", sum));
    header[154] = 0;
    header[155] = (byte) ' ';
    out.writeBytes(header);
    return this;
  }

  /** Adds raw content padded to the 512-byte block. */
  RawTar data(byte[] content) {
    out.writeBytes(content);
    int pad = (512 - content.length % 512) % 512;
    out.writeBytes(new byte[pad]);
    return this;
  }

  /** Returns the bytes with the two end-of-archive blocks. */
  byte[] finish() {
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  /** Returns the bytes as they are, without end-of-archive blocks. */
  byte[] unfinished() {
    return out.toByteArray();
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    }
    return bytes.toByteArray();
  }

  private static void put(byte[] header, int offset, int length, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
  }
}
