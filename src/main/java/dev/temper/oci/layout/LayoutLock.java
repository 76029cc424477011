package dev.temper.oci.layout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a layout's {@code index.json}, held while it is read, merged and replaced.
 * Other processes are kept out by an OS file lock on {@value #LOCK_FILE}; other threads of this
 * process by a lock per directory, because the JVM does not let two channels of one process lock
 * the same file. The lock is reentrant: a thread that holds it can acquire it again, and only the
 * outermost {@link #close()} releases the file lock.
 */
public final class LayoutLock implements AutoCloseable {
  /** The lock file in the layout root. It stays there, because removing it would race. */
  static final String LOCK_FILE = ".index.json.lock";

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final ReentrantLock threadLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private LayoutLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
    this.threadLock = threadLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /**
   * Waits for and takes the lock of the layout at {@code root}, an existing directory.
   *
   * @throws IOException when the directory is missing or the lock file cannot be opened, for
   *     example because it is a symbolic link
   */
  public static LayoutLock acquire(Path root) throws IOException {
    Path key = root.toRealPath();
    ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    threadLock.lock();
    if (threadLock.getHoldCount() > 1) {
      // This thread took the file lock in an outer acquire, and the JVM rejects a second one.
      return new LayoutLock(threadLock, null, null);
    }
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              key.resolve(LOCK_FILE),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
      FileLock fileLock = channel.lock();
      return new LayoutLock(threadLock, channel, fileLock);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      threadLock.unlock();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (fileLock != null) {
        fileLock.release();
        channel.close();
      }
    } finally {
      threadLock.unlock();
    }
  }
}
