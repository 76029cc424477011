package dev.temper.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes a request body publisher of the JDK's HTTP client to a blocking output stream. It requests
 * one buffer at a time, so a body is never held in memory beyond the buffer being written.
 */
final class PublisherDrain {
  private static final Object DONE = new Object();

  private PublisherDrain() {}

  /**
   * Writes every buffer of {@code publisher} to {@code out}.
   *
   * @param idle how long to wait for the next buffer before giving up
   * @throws IOException when the publisher fails, stalls, or writing fails
   */
  static void copy(Flow.Publisher<ByteBuffer> publisher, OutputStream out, Duration idle)
      throws IOException {
    try {
      drain(publisher, out, idle);
    } catch (UncheckedIOException e) {
      // The JDK's publishers let a failing source's exception out of subscribe and request.
      throw e.getCause();
    }
  }

  private static void drain(Flow.Publisher<ByteBuffer> publisher, OutputStream out, Duration idle)
      throws IOException {
    BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    publisher.subscribe(
        new Flow.Subscriber<>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            items.add(subscription);
          }

          @Override
          public void onNext(ByteBuffer item) {
            items.add(item);
          }

          @Override
          public void onError(Throwable failure) {
            items.add(failure);
          }

          @Override
          public void onComplete() {
            items.add(DONE);
          }
        });
    Object first = next(items, idle);
    if (!(first instanceof Flow.Subscription subscription)) {
      throw failure(first);
    }
    boolean finished = false;
    try {
      byte[] chunk = null;
      while (true) {
        subscription.request(1);
        Object item = next(items, idle);
        if (item == DONE) {
          finished = true;
          return;
        }
        if (!(item instanceof ByteBuffer buffer)) {
          finished = true;
          throw failure(item);
        }
        if (buffer.hasArray()) {
          out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
          continue;
        }
        if (chunk == null) {
          chunk = new byte[64 * 1024];
        }
        while (buffer.hasRemaining()) {
          int length = Math.min(chunk.length, buffer.remaining());
          buffer.get(chunk, 0, length);
          out.write(chunk, 0, length);
        }
      }
    } finally {
      if (!finished) {
        subscription.cancel();
      }
    }
  }

  private static Object next(BlockingQueue<Object> items, Duration idle) throws IOException {
    try {
      Object item = items.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
      if (item == null) {
        throw new IOException("the request body produced nothing for " + idle.toSeconds() + " s");
      }
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending a request body");
    }
  }

  private static IOException failure(Object item) {
    if (item instanceof UncheckedIOException unchecked) {
      return unchecked.getCause();
    }
    if (item instanceof IOException io) {
      return io;
    }
    if (item instanceof Throwable other) {
      return new IOException("the request body failed: " + other.getMessage(), other);
    }
    return new IOException("the request body ended before it started");
  }
}
