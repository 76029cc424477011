package dev.temper.cache;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyWritebackTest {
  @TempDir Path directory;

  /** Returns a closed channel, on which any sync fails, so a test can tell whether one ran. */
  private FileChannel closedChannel() throws Exception {
    Path file = Files.createFile(directory.resolve("blob"));
    FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
    channel.close();
    return channel;
  }

  @Test
  void finishThrowsFailedSideSync() throws Exception {
    EarlyWriteback writeback = new EarlyWriteback(closedChannel(), 100);

    writeback.written(100);

    assertThatThrownBy(writeback::finish).isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void noSideSyncBeforeFirstStep() throws Exception {
    EarlyWriteback writeback = new EarlyWriteback(closedChannel(), 100);

    writeback.written(99);

    assertThatCode(writeback::finish).doesNotThrowAnyException();
  }

  @Test
  void finishWithoutWritesReturnsQuietly() throws Exception {
    try (FileChannel channel =
        FileChannel.open(
            directory.resolve("empty"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      assertThatCode(new EarlyWriteback(channel, 100)::finish).doesNotThrowAnyException();
    }
  }

  @Test
  void stepMustBePositive() throws Exception {
    assertThatThrownBy(() -> new EarlyWriteback(closedChannel(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step must be positive: 0");
  }
}
