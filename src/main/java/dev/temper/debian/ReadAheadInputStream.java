package dev.temper.debian;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a source stream ahead on a background thread into a bounded queue of chunks, so that the
 * work of producing the bytes (such as xz decompression) overlaps with the work of their reader. At
 * most {@code chunks + 2} chunks are in memory at once.
 */
final class ReadAheadInputStream extends InputStream {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> queue;
  private final Thread producer;
  private volatile IOException failure;
  private byte[] chunk = new byte[0];
  private int position;
  private boolean ended;

  /**
   * Starts reading the source on a daemon thread; the source is closed when it is exhausted, fails
   * or this stream is closed.
   */
  ReadAheadInputStream(InputStream source, int chunkSize, int chunks, String threadName) {
    this.queue = new ArrayBlockingQueue<>(chunks);
    this.producer = new Thread(() -> produce(source, chunkSize), threadName);
    producer.setDaemon(true);
    producer.start();
  }

  private void produce(InputStream source, int chunkSize) {
    try (source) {
      while (true) {
        byte[] buffer = source.readNBytes(chunkSize);
        if (buffer.length == 0) {
          break;
        }
        queue.put(buffer);
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      // close() interrupts the thread when the reader stops early, and no reader takes END then.
      return;
    }
    try {
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean nextChunk() throws IOException {
    if (ended) {
      return false;
    }
    try {
      chunk = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + producer.getName(), e);
    }
    position = 0;
    if (chunk == END) {
      ended = true;
      if (failure != null) {
        throw failure;
      }
      return false;
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    if (position == chunk.length && !nextChunk()) {
      return -1;
    }
    return chunk[position++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == chunk.length && !nextChunk()) {
      return -1;
    }
    int n = Math.min(length, chunk.length - position);
    System.arraycopy(chunk, position, buffer, offset, n);
    position += n;
    return n;
  }

  /** Stops the background thread, which then closes the source, and drops the queued chunks. */
  @Override
  public void close() {
    producer.interrupt();
    queue.clear();
  }
}
