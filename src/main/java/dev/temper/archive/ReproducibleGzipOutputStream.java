package dev.temper.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a gzip member whose header carries no time, file name or host: the same input and level
 * always give the same bytes with the same zlib. The JDK's {@code GZIPOutputStream} takes no level.
 */
final class ReproducibleGzipOutputStream extends DeflaterOutputStream {
  /** Magic, deflate, no flags, mtime 0, no extra flags, OS 255 (unknown), as Go's gzip writes. */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private static final int BUFFER_SIZE = 64 * 1024;

  private final CRC32 crc = new CRC32();
  private boolean finished;

  ReproducibleGzipOutputStream(OutputStream out, int level) throws IOException {
    super(out, new Deflater(level, true), BUFFER_SIZE);
    out.write(HEADER);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    super.write(buffer, offset, length);
    crc.update(buffer, offset, length);
  }

  @Override
  public void finish() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    super.finish();
    writeLittleEndian((int) crc.getValue());
    writeLittleEndian((int) def.getBytesRead());
    def.end();
  }

  @Override
  public void close() throws IOException {
    try {
      finish();
    } finally {
      out.close();
    }
  }

  private void writeLittleEndian(int value) throws IOException {
    out.write(value & 0xff);
    out.write((value >>> 8) & 0xff);
    out.write((value >>> 16) & 0xff);
    out.write((value >>> 24) & 0xff);
  }
}
