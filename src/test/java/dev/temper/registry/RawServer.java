package dev.temper.registry;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mock server on 127.0.0.1 that writes raw bytes, for byte-level faults that an HTTP server
 * library does not produce. Each accepted connection runs the script with its number, from 1.
 */
final class RawServer implements Closeable {
  /** What the server does with one accepted connection. */
  @FunctionalInterface
  interface Script {
    void run(Socket socket, int number) throws IOException;
  }

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicInteger accepted = new AtomicInteger();

  RawServer(int receiveBuffer, Script script) throws IOException {
    socket = new ServerSocket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    threads.execute(
        () -> {
          while (!socket.isClosed()) {
            try {
              Socket connection = socket.accept();
              int number = accepted.incrementAndGet();
              threads.execute(
                  () -> {
                    try (connection) {
                      script.run(connection, number);
                    } catch (IOException e) {
                      // The client went away; the script ends with the connection.
                    }
                  });
            } catch (IOException e) {
              return;
            }
          }
        });
  }

  String host() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  int accepted() {
    return accepted.get();
  }

  /** Reads a request's line and headers, up to the empty line, or returns null at the end. */
  static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int next;
    while ((next = in.read()) >= 0) {
      head.write(next);
      matched = next == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (next == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }
}
