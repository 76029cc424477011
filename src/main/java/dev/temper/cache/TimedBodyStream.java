package dev.temper.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as a blocking stream that fails when no data arrives for a while. In JDK 17 the
 * request timeout of {@link java.net.http.HttpRequest} covers only the wait for the response
 * headers, so the JDK's own {@code BodyHandlers.ofInputStream()} waits forever on a stalled body.
 */
public final class TimedBodyStream extends InputStream
    implements HttpResponse.BodySubscriber<InputStream> {
  /** One item from the publisher: buffers, the end of the body, or an error. */
  private record Item(List<ByteBuffer> buffers, Throwable error) {
    static final Item END = new Item(List.of(), null);
  }

  private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
  private final Duration idleTimeout;
  private volatile Flow.Subscription subscription;
  private Iterator<ByteBuffer> pending = Collections.emptyIterator();
  private ByteBuffer current;
  private boolean ended;
  private boolean closed;

  /** Creates a stream whose reads fail after {@code idleTimeout} without new data. */
  public TimedBodyStream(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription newSubscription) {
    subscription = newSubscription;
    newSubscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    items.add(new Item(buffers, null));
  }

  @Override
  public void onError(Throwable error) {
    items.add(new Item(List.of(), error));
  }

  @Override
  public void onComplete() {
    items.add(Item.END);
  }

  @Override
  public int read() throws IOException {
    byte[] single = new byte[1];
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("response body stream is closed");
    }
    if (length == 0) {
      return 0;
    }
    ByteBuffer buffer = nextBuffer();
    if (buffer == null) {
      return -1;
    }
    int count = Math.min(length, buffer.remaining());
    buffer.get(bytes, offset, count);
    return count;
  }

  @Override
  public void close() {
    if (!closed && !ended && subscription != null) {
      subscription.cancel();
    }
    closed = true;
  }

  private ByteBuffer nextBuffer() throws IOException {
    while (current == null || !current.hasRemaining()) {
      if (pending.hasNext()) {
        current = pending.next();
        continue;
      }
      if (ended) {
        return null;
      }
      Item item = take();
      if (item == Item.END) {
        ended = true;
        return null;
      }
      if (item.error() != null) {
        ended = true;
        throw asIoException(item.error());
      }
      pending = item.buffers().iterator();
      subscription.request(1);
    }
    return current;
  }

  private Item take() throws IOException {
    Item item;
    try {
      item = items.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new InterruptedIOException("interrupted while reading the response body");
    }
    if (item == null) {
      close();
      throw new HttpTimeoutException(
          "no data received for " + idleTimeout.toMillis() + " ms while reading the response body");
    }
    return item;
  }

  private static IOException asIoException(Throwable error) {
    return error instanceof IOException io ? io : new IOException(error.toString(), error);
  }
}
