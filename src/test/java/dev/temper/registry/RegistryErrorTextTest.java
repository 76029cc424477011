package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.cache.DownloadListener;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that text a registry sends reaches error messages without terminal control characters,
 * against {@link FakeRegistry}, a mock registry on loopback that fails with a crafted body.
 */
class RegistryErrorTextTest {
  private final FakeRegistry registry = FakeRegistry.start();

  @AfterEach
  void stop() {
    registry.close();
  }

  private RegistryClient client() throws Exception {
    return new Registries(
            RegistrySettings.defaults(), CredentialSource.ANONYMOUS, DownloadListener.NONE)
        .open(new Repository(registry.host(), "error/repo"));
  }

  @Test
  void escapeSequencesInErrorBodyAreEscaped() throws Exception {
    // The JSON escapes decode to ESC ] 0 ; title BEL and ESC [ 2 J: set the title, clear the
    // screen.
    String body =
        "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"\\u001b]0;pwned\\u0007\\u001b[2Jgone\"}]}";
    registry.on(
        "/v2/error/repo/manifests/",
        exchange -> FakeRegistry.respond(exchange, 403, body.getBytes(StandardCharsets.UTF_8)));
    RegistryClient client = client();

    assertThatThrownBy(() -> client.pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith("(DENIED: \\u001b]0;pwned\\u0007\\u001b[2Jgone)")
        .hasMessageNotContaining("\u001b")
        .hasMessageNotContaining("\u0007");
  }

  @Test
  void lineBreaksInPlainBodyAreEscaped() throws Exception {
    // RegistryErrors folds ASCII white space, but NEL (U+0085) and CSI (U+009B) are C1 controls.
    String body = "bad gateway\u0085temper: everything is fine\u009b2J";
    registry.on(
        "/v2/error/repo/manifests/",
        exchange -> FakeRegistry.respond(exchange, 400, body.getBytes(StandardCharsets.UTF_8)));
    RegistryClient client = client();

    assertThatThrownBy(() -> client.pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith("(bad gateway\\u0085temper: everything is fine\\u009b2J)");
  }
}
