package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpClientsTest {
  private static final Duration CONNECT = Duration.ofSeconds(5);

  @TempDir Path temp;

  @Test
  void plainHttpNeedsNoSystemTrustStore() throws Exception {
    HttpClients clients = new HttpClients(CONNECT, null);

    HttpClient plain = clients.client(URI.create("http://127.0.0.1:5000/v2/"));

    assertThat(plain.sslContext()).isNotSameAs(SSLContext.getDefault());
    assertThat(plain.sslContext().getSocketFactory()).isNotNull();
    assertThat(clients.client(URI.create("HTTP://127.0.0.1:5000/v2/"))).isSameAs(plain);
  }

  @Test
  void httpsClientIsMadeOnce() throws Exception {
    HttpClients clients = new HttpClients(CONNECT, null);

    HttpClient secure = clients.client(URI.create("https://registry.test/v2/"));

    assertThat(secure.sslContext()).isSameAs(SSLContext.getDefault());
    assertThat(clients.client(URI.create("https://other.test/v2/"))).isSameAs(secure);
    assertThat(clients.client(URI.create("http://127.0.0.1/v2/"))).isNotSameAs(secure);
  }

  @Test
  void badCaFileFailsBeforeAnyRequest() throws Exception {
    Path empty = Files.writeString(temp.resolve("ca.pem"), "no certificate here\n");

    assertThatThrownBy(() -> new HttpClients(CONNECT, empty))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ca.pem");
  }

  @Test
  void damagedCaCertificateIsNamedPlainly() throws Exception {
    Path good = TestCertificates.serverTls(temp.resolve("tls")).caCertificate();
    List<String> lines = new ArrayList<>(Files.readAllLines(good));
    // Zero bytes in place of the inner SEQUENCE header, still valid base64.
    lines.set(1, lines.get(1).substring(0, 4) + "A".repeat(12) + lines.get(1).substring(16));
    Path damaged = Files.write(temp.resolve("damaged.pem"), lines);

    assertThatThrownBy(() -> new HttpClients(CONNECT, damaged))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(damaged + ": invalid certificate: not a valid PEM or DER X.509 certificate");
  }

  @Test
  void caCertificateWithBadBase64IsNamedPlainly() throws Exception {
    Path good = TestCertificates.serverTls(temp.resolve("tls")).caCertificate();
    List<String> lines = new ArrayList<>(Files.readAllLines(good));
    lines.set(2, "!" + lines.get(2).substring(1));
    Path damaged = Files.write(temp.resolve("base64.pem"), lines);

    assertThatThrownBy(() -> new HttpClients(CONNECT, damaged))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            damaged
                + ": invalid certificate: not a valid PEM or DER X.509 certificate (the PEM body"
                + " is not valid base64)");
  }
}
