package dev.temper.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs a JDK HTTP client in a child JVM, because {@link HttpClientShutdown#beforeExit} ends the
 * selector threads of every client in its process, which would break the clients of other tests.
 */
class HttpClientShutdownTest {
  @Test
  void selectorThreadEndsBeforeExit() throws Exception {
    assertThat(runChild("stop")).isEqualTo("selectors alive: 0");
  }

  @Test
  void selectorThreadOutlivesRequests() throws Exception {
    assertThat(runChild("keep")).isEqualTo("selectors alive: 1");
  }

  @Test
  void onlyJdkSelectorThreadsAreRecognised() {
    assertThat(HttpClientShutdown.isSelector(new Thread("HttpClient-7-SelectorManager"))).isTrue();
    assertThat(HttpClientShutdown.isSelector(new Thread("HttpClient-7-Worker-0"))).isFalse();
    assertThat(HttpClientShutdown.isSelector(new Thread("temper-registry-http"))).isFalse();
  }

  private static String runChild(String mode) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Child.class.getName(),
                    mode))
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(output).isZero();
    return output.strip();
  }

  /** Sends one request to a loopback server, then counts the live selector threads. */
  static final class Child {
    public static void main(String[] args) throws IOException, InterruptedException {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      try {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 204) {
          throw new IllegalStateException("unexpected status " + response.statusCode());
        }
        if (args[0].equals("stop")) {
          HttpClientShutdown.beforeExit();
        }
        long alive =
            Thread.getAllStackTraces().keySet().stream()
                .filter(HttpClientShutdown::isSelector)
                .filter(Thread::isAlive)
                .count();
        System.out.println("selectors alive: " + alive);
      } finally {
        server.stop(0);
      }
    }
  }
}
