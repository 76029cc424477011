package dev.temper.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bytes of a regular file in a tree, which may be opened more than once. */
public interface Content {
  /** The content of directories, links and empty files. */
  Content EMPTY = of(new byte[0]);

  /** Returns the size in bytes. */
  long size();

  /** Opens a new stream over the bytes. */
  InputStream open() throws IOException;

  /** Returns content held in memory; the array must not change afterwards. */
  static Content of(byte[] bytes) {
    return new Content() {
      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(bytes);
      }
    };
  }

  /** Returns content read from a file whose size is known and must not change. */
  static Content ofFile(Path file, long size) {
    return new Content() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }
    };
  }
}
