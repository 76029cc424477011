package dev.temper.archive;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * A tar input stream that checks each raw header before the library acts on it: PAX and GNU
 * long-name entries, whose content the library holds in memory, must fit the PAX header limit. It
 * also records whether the end-of-archive block arrived, so that a stream cut at an entry boundary
 * is not mistaken for a complete archive.
 */
final class GuardedTarInputStream extends TarArchiveInputStream {
  private static final int TYPE_OFFSET = 156;
  private static final int SIZE_OFFSET = 124;
  private static final int SIZE_LENGTH = 12;

  private final int maxHeaderSize;
  private final String archive;
  private boolean sawEndBlock;

  GuardedTarInputStream(InputStream in, int maxHeaderSize, String archive) {
    super(in);
    this.maxHeaderSize = maxHeaderSize;
    this.archive = archive;
  }

  @Override
  protected byte[] readRecord() throws IOException {
    byte[] record = super.readRecord();
    if (record == null) {
      return null;
    }
    if (isEOFRecord(record)) {
      sawEndBlock = true;
      return record;
    }
    byte type = record[TYPE_OFFSET];
    boolean heldInMemory = type == 'x' || type == 'g' || type == 'X' || type == 'L' || type == 'K';
    if (heldInMemory) {
      long size = TarUtils.parseOctalOrBinary(record, SIZE_OFFSET, SIZE_LENGTH);
      if (size > maxHeaderSize) {
        throw new DecompressionGuard.LimitExceededException(
            archive
                + ": extended header of "
                + size
                + " bytes exceeds the limit of "
                + maxHeaderSize
                + " bytes");
      }
    }
    return record;
  }

  /** Returns whether the all-zero block that ends a tar archive has been read. */
  boolean sawEndBlock() {
    return sawEndBlock;
  }
}
