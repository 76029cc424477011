package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.cache.DownloadListener;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.Platform;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Token responses that a real token server does not send, played by {@link FakeRegistry}, a mock
 * registry on loopback that demands a bearer token for its manifests.
 */
class TokenResponseTest {
  private static final String TOKEN = "token-must-stay-secret";

  private final FakeRegistry registry = FakeRegistry.start();

  @AfterEach
  void stop() {
    registry.close();
  }

  /** Serves {@code tokenResponse} as the token and the test image to {@code Bearer token}. */
  private TestImage serve(String tokenResponse, String token) throws Exception {
    TestImage image = TestImage.single(new Platform("linux", "amd64", null), "token");
    registry.on(
        "/token",
        exchange ->
            FakeRegistry.respond(exchange, 200, tokenResponse.getBytes(StandardCharsets.UTF_8)));
    registry.on(
        "/v2/token/repo/manifests/",
        exchange -> {
          if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            FakeRegistry.respond(
                exchange,
                401,
                new byte[0],
                "WWW-Authenticate",
                "Bearer realm=\"http://" + registry.host() + "/token\",service=\"fake\"");
            return;
          }
          FakeRegistry.respond(
              exchange, 200, image.root(), "Content-Type", MediaTypes.OCI_MANIFEST);
        });
    return image;
  }

  private RegistryClient client() throws Exception {
    return new Registries(
            RegistrySettings.defaults(), CredentialSource.ANONYMOUS, DownloadListener.NONE)
        .open(new Repository(registry.host(), "token/repo"));
  }

  @Test
  void hugeExpiresInStillAuthorizes() throws Exception {
    TestImage image =
        serve("{\"token\":\"" + TOKEN + "\",\"expires_in\":9223372036854775807}", TOKEN);

    PulledManifest pulled = client().pullManifest("v1");

    assertThat(pulled.digest()).isEqualTo(image.digest());
  }

  @Test
  void tokenWithLineBreakIsRejectedUnquoted() throws Exception {
    serve("{\"token\":\"" + TOKEN + "\\n\"}", TOKEN);
    RegistryClient client = client();

    assertThatThrownBy(() -> client.pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("the token response has a token with characters that a header")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN))
        .extracting(e -> ((RegistryException) e).reason())
        .isEqualTo(RegistryException.Reason.PROTOCOL);
  }
}
