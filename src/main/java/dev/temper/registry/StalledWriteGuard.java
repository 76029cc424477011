package dev.temper.registry;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A request body stream that fails when one write waits longer than the idle timeout. A socket has
 * no write timeout, so a server that stops reading a request body would block the sender forever.
 * The guard closes the connection instead, which ends the blocked write.
 */
final class StalledWriteGuard extends FilterOutputStream {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final Runnable closeConnection;
  private final Duration idle;
  private volatile boolean expired;

  /**
   * @param closeConnection closes the connection under the stream, which ends a blocked write
   */
  StalledWriteGuard(OutputStream out, Runnable closeConnection, Duration idle) {
    super(out);
    this.closeConnection = closeConnection;
    this.idle = idle;
  }

  @Override
  public void write(int value) throws IOException {
    write(new byte[] {(byte) value}, 0, 1);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    ScheduledFuture<?> deadline = schedule();
    try {
      out.write(buffer, offset, length);
    } catch (IOException e) {
      throw expired ? stalled(e) : e;
    } finally {
      deadline.cancel(false);
    }
  }

  @Override
  public void close() throws IOException {
    // Closing a fixed-length body sends nothing more, but a chunked one sends its last chunk.
    ScheduledFuture<?> deadline = schedule();
    try {
      out.close();
    } catch (IOException e) {
      throw expired ? stalled(e) : e;
    } finally {
      deadline.cancel(false);
    }
  }

  private ScheduledFuture<?> schedule() {
    return TIMER.schedule(
        () -> {
          expired = true;
          closeConnection.run();
        },
        idle.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private SocketTimeoutException stalled(IOException cause) {
    SocketTimeoutException stalled =
        new SocketTimeoutException(
            "sending the request body timed out: the server read none of it for "
                + idle.toMillis()
                + " ms");
    stalled.initCause(cause);
    return stalled;
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "temper-registry-write-guard");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
