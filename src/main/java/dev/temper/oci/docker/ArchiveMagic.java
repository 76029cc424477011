package dev.temper.oci.docker;

import dev.temper.error.InvalidInputException;
import dev.temper.oci.image.Compression;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Checks the first bytes of archive members and files. */
final class ArchiveMagic {
  private ArchiveMagic() {}

  /** Returns the compression of the bytes at {@code offset}. */
  static Compression compressionAt(FileChannel channel, long offset) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(Compression.MAGIC_LENGTH);
    while (head.hasRemaining()) {
      int n = channel.read(head, offset + head.position());
      if (n < 0) {
        break;
      }
    }
    return Compression.detect(head.array(), head.position());
  }

  /** Rejects an archive that is compressed as a whole, which this reader cannot index. */
  static void requireUncompressedTar(FileChannel channel, String name)
      throws IOException, InvalidInputException {
    Compression compression = compressionAt(channel, 0);
    if (compression != Compression.NONE) {
      throw new InvalidInputException(
          name
              + ": the archive is "
              + compression.name().toLowerCase(java.util.Locale.ROOT)
              + "-compressed; decompress it first (docker save writes plain tar files)");
    }
  }
}
