package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RegistryWarmupTest {
  @Test
  void threadEndsByItself() throws Exception {
    Thread thread = RegistryWarmup.start(true);

    thread.join(30_000);

    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread.isAlive()).isFalse();
  }

  @Test
  void warmupConnectsToNothing() throws Exception {
    try (ServerSocket listener = new ServerSocket(0)) {
      listener.setSoTimeout(500);

      RegistryWarmup.run(false, URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/"));

      boolean connected;
      try (Socket accepted = listener.accept()) {
        connected = true;
      } catch (SocketTimeoutException e) {
        connected = false;
      }
      assertThat(connected).isFalse();
    }
  }
}
