package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpClientsTest {
  private static final Duration CONNECT = Duration.ofSeconds(5);

  @TempDir Path temp;

  @Test
  void plainHttpNeedsNoTrustStore() throws Exception {
    HttpClients clients = new HttpClients(CONNECT, null);

    try (FakeRegistry registry = new FakeRegistry()) {
      Response response =
          clients.send(
              new Request(
                  "GET",
                  URI.create("http://" + registry.host() + "/v2/"),
                  Headers.NONE,
                  RequestBody.EMPTY,
                  CONNECT));
      response.body().close();

      assertThat(response.statusCode()).isEqualTo(200);
    }
    assertThat(clients.tlsLoaded()).isFalse();
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
