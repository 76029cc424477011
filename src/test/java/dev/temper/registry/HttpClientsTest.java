package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpClientsTest {
  private static final Duration CONNECT = Duration.ofSeconds(5);

  @TempDir Path temp;

  @Test
  void plainHttpNeedsNoSystemTrustStore() throws Exception {
    HttpClients clients = new HttpClients(CONNECT, null);

    HttpClient plain = clients.forUri(URI.create("http://127.0.0.1:5000/v2/"));

    assertThat(plain.sslContext()).isNotSameAs(SSLContext.getDefault());
    assertThat(plain.sslContext().getSocketFactory()).isNotNull();
    assertThat(clients.forUri(URI.create("HTTP://127.0.0.1:5000/v2/"))).isSameAs(plain);
  }

  @Test
  void httpsClientIsMadeOnce() throws Exception {
    HttpClients clients = new HttpClients(CONNECT, null);

    HttpClient secure = clients.forUri(URI.create("https://registry.test/v2/"));

    assertThat(secure.sslContext()).isSameAs(SSLContext.getDefault());
    assertThat(clients.forUri(URI.create("https://other.test/v2/"))).isSameAs(secure);
    assertThat(clients.forUri(URI.create("http://127.0.0.1/v2/"))).isNotSameAs(secure);
  }

  @Test
  void badCaFileFailsBeforeAnyRequest() throws Exception {
    Path empty = Files.writeString(temp.resolve("ca.pem"), "no certificate here\n");

    assertThatThrownBy(() -> new HttpClients(CONNECT, empty))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ca.pem");
  }
}
