package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.cache.DownloadListener;
import dev.temper.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that passwords and tokens never reach logs, error messages or stack traces, against {@link
 * FakeRegistry}, a mock registry that demands credentials and then fails.
 */
class SecretRedactionTest {
  private static final String PASSWORD = "pw-must-stay-secret";
  private static final String TOKEN = "Token-Must-Stay-Secret";
  private static final String REFRESH_TOKEN = "refresh-token-must-stay-secret";

  private final FakeRegistry registry = FakeRegistry.start();
  private final PrintStream originalErr = System.err;
  private final InputStream originalIn = System.in;

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    System.setIn(originalIn);
    registry.close();
  }

  /** Runs {@code resolve --debug} of secret/repo:v1 as user, with the password on stdin. */
  private String resolveWithPassword() {
    return runCapturingEverything(
        "resolve",
        "--debug",
        "--username",
        "user",
        "--password-stdin",
        registry.host() + "/secret/repo:v1");
  }

  private String runCapturingEverything(String... args) {
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    System.setErr(originalErr);
    assertThat(code).isEqualTo(4);
    return out + "\n" + err + "\n" + logs.toString(StandardCharsets.UTF_8);
  }

  @Test
  void basicPasswordStaysOutOfOutput() {
    String encoded =
        Base64.getEncoder().encodeToString(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    registry.on(
        "/v2/",
        exchange -> {
          if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            FakeRegistry.respond(
                exchange, 401, new byte[0], "WWW-Authenticate", "Basic realm=\"fake\"");
            return;
          }
          // Retry-After 0 keeps the retries of the storm from sleeping.
          FakeRegistry.respond(
              exchange,
              503,
              ("{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"down\"}]}")
                  .getBytes(StandardCharsets.UTF_8),
              "Retry-After",
              "0");
        });

    String everything = resolveWithPassword();

    assertThat(everything).contains("gave up after 4 attempts");
    assertThat(everything).doesNotContain(PASSWORD);
    assertThat(everything).doesNotContain(encoded);
    assertThat(registry.requests())
        .anySatisfy(r -> assertThat(r.authorization()).isEqualTo("Basic " + encoded));
  }

  @Test
  void bearerTokenStaysOutOfOutput() {
    AtomicInteger tokens = new AtomicInteger();
    registry.on(
        "/token",
        exchange -> {
          tokens.incrementAndGet();
          FakeRegistry.respond(
              exchange,
              200,
              ("{\"token\":\"" + TOKEN + "\",\"expires_in\":300}")
                  .getBytes(StandardCharsets.UTF_8));
        });
    registry.on(
        "/v2/",
        exchange ->
            FakeRegistry.respond(
                exchange,
                401,
                new byte[0],
                "WWW-Authenticate",
                "Bearer realm=\"http://" + registry.host() + "/token\",service=\"fake\""));

    String everything = resolveWithPassword();

    assertThat(everything).contains("the registry rejected the token issued for these credentials");
    assertThat(everything).doesNotContain(TOKEN);
    assertThat(everything).doesNotContain(PASSWORD);
    assertThat(tokens.get()).isEqualTo(1);
  }

  @Test
  void bearerTokenEchoedInErrorBodyIsRedacted() {
    serveToken();
    registry.on(
        "/v2/",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          if (authorization == null) {
            FakeRegistry.respond(exchange, 401, new byte[0], "WWW-Authenticate", challenge());
            return;
          }
          FakeRegistry.respond(
              exchange, 403, deniedBody("request had Authorization: " + authorization));
        });

    String everything = resolveWithPassword();

    assertThat(everything).contains("(DENIED: request had Authorization: Bearer <redacted>)");
    assertThat(everything).doesNotContain(TOKEN);
    assertThat(everything).doesNotContain(PASSWORD);
  }

  @Test
  void basicCredentialsEchoedInErrorBodyAreRedacted() {
    String encoded =
        Base64.getEncoder().encodeToString(("user:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    registry.on(
        "/v2/",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          if (authorization == null) {
            FakeRegistry.respond(
                exchange, 401, new byte[0], "WWW-Authenticate", "Basic realm=\"fake\"");
            return;
          }
          String echo = "request had Authorization: " + authorization + ", password " + PASSWORD;
          FakeRegistry.respond(exchange, 403, deniedBody(echo));
        });

    String everything = resolveWithPassword();

    assertThat(everything)
        .contains("(DENIED: request had Authorization: Basic <redacted>, password <redacted>)");
    assertThat(everything).doesNotContain(PASSWORD);
    assertThat(everything).doesNotContain(encoded);
  }

  @Test
  void identityTokenEchoedInErrorBodyIsRedacted() throws Exception {
    serveToken();
    registry.on(
        "/v2/",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          if (authorization == null) {
            FakeRegistry.respond(exchange, 401, new byte[0], "WWW-Authenticate", challenge());
            return;
          }
          String echo = "request had " + authorization + " from refresh token " + REFRESH_TOKEN;
          FakeRegistry.respond(exchange, 403, deniedBody(echo));
        });
    RegistryClient client =
        new Registries(
                RegistrySettings.defaults(),
                CredentialSource.fixed(Credentials.identity(REFRESH_TOKEN)),
                DownloadListener.NONE)
            .open(new Repository(registry.host(), "secret/repo"));

    assertThatThrownBy(() -> client.pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith(
            "(DENIED: request had Bearer <redacted> from refresh token <redacted>)")
        .hasMessageNotContaining(TOKEN)
        .hasMessageNotContaining(REFRESH_TOKEN);
    assertThat(registry.requests())
        .anySatisfy(
            r ->
                assertThat(new String(r.body(), StandardCharsets.UTF_8))
                    .contains("refresh_token=" + REFRESH_TOKEN));
  }

  @Test
  void tokenEchoedInContentTypeIsRedacted() throws Exception {
    // The Content-Type is quoted lower-cased, so the token must be found whatever its case.
    serveToken();
    byte[] manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"
            .getBytes(StandardCharsets.UTF_8);
    registry.on(
        "/v2/",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          if (authorization == null) {
            FakeRegistry.respond(exchange, 401, new byte[0], "WWW-Authenticate", challenge());
            return;
          }
          FakeRegistry.respond(exchange, 200, manifest, "Content-Type", authorization);
        });
    RegistryClient client =
        new Registries(
                RegistrySettings.defaults(),
                CredentialSource.fixed(Credentials.basic("user", PASSWORD)),
                DownloadListener.NONE)
            .open(new Repository(registry.host(), "secret/repo"));

    assertThatThrownBy(() -> client.pullManifest("v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("the Content-Type 'bearer <redacted>'")
        .hasMessageNotContaining(TOKEN.toLowerCase(Locale.ROOT));
  }

  @Test
  void tokenEchoedInDigestHeaderIsRedacted() throws Exception {
    serveToken();
    registry.on(
        "/v2/",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          if (authorization == null) {
            FakeRegistry.respond(exchange, 401, new byte[0], "WWW-Authenticate", challenge());
            return;
          }
          FakeRegistry.respond(exchange, 201, new byte[0], "Docker-Content-Digest", authorization);
        });
    RegistryClient client =
        new Registries(
                RegistrySettings.defaults(),
                CredentialSource.fixed(Credentials.basic("user", PASSWORD)),
                DownloadListener.NONE)
            .open(new Repository(registry.host(), "secret/repo"));
    byte[] manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> client.pushManifest(manifest, "application/vnd.oci.image.manifest.v1+json", "v1"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("the registry stored the manifest as Bearer <redacted> instead of")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void realmPasswordStaysOutOfDebugLog() {
    serveToken();
    registry.on(
        "/v2/",
        exchange ->
            FakeRegistry.respond(
                exchange,
                401,
                new byte[0],
                "WWW-Authenticate",
                "Bearer realm=\"http://user:realmpass@" + registry.host() + "/token\""));

    String everything = runCapturingEverything("resolve", "--debug", registry.host() + "/a/b:v1");

    assertThat(everything).contains("GET http://" + registry.host() + "/token -> HTTP 200");
    assertThat(everything).doesNotContain("realmpass");
  }

  @Test
  void loggedUriHasNoUserInfoOrQuery() {
    assertThat(RegistryTransport.forLog(URI.create("https://user:pw@registry.test:5000/token?a=b")))
        .isEqualTo("https://registry.test:5000/token");
    // An underscore makes the host invalid, so the URI keeps user info in a registry authority.
    assertThat(RegistryTransport.forLog(URI.create("http://user:pw@bad_host:5000/v2/")))
        .isEqualTo("http://bad_host:5000/v2/");
    assertThat(RegistryTransport.forLog(URI.create("http://127.0.0.1:5000/v2/a/blobs/uploads/x")))
        .isEqualTo("http://127.0.0.1:5000/v2/a/blobs/uploads/x");
  }

  /** Serves {@link #TOKEN} to every token request. */
  private void serveToken() {
    registry.on(
        "/token",
        exchange ->
            FakeRegistry.respond(
                exchange,
                200,
                ("{\"token\":\"" + TOKEN + "\",\"expires_in\":300}")
                    .getBytes(StandardCharsets.UTF_8)));
  }

  private String challenge() {
    return "Bearer realm=\"http://" + registry.host() + "/token\",service=\"fake\"";
  }

  private static byte[] deniedBody(String message) {
    return ("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"" + message + "\"}]}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
