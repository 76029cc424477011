package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that passwords and tokens never reach logs, error messages or stack traces, against {@link
 * FakeRegistry}, a mock registry that demands credentials and then fails.
 */
class SecretRedactionTest {
  private static final String PASSWORD = "pw-must-stay-secret";
  private static final String TOKEN = "token-must-stay-secret";

  private final FakeRegistry registry = FakeRegistry.start();
  private final PrintStream originalErr = System.err;
  private final InputStream originalIn = System.in;

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    System.setIn(originalIn);
    registry.close();
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

    String everything =
        runCapturingEverything(
            "resolve",
            "--debug",
            "--username",
            "user",
            "--password-stdin",
            registry.host() + "/secret/repo:v1");

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

    String everything =
        runCapturingEverything(
            "resolve",
            "--debug",
            "--username",
            "user",
            "--password-stdin",
            registry.host() + "/secret/repo:v1");

    assertThat(everything).contains("the registry rejected the token issued for these credentials");
    assertThat(everything).doesNotContain(TOKEN);
    assertThat(everything).doesNotContain(PASSWORD);
    assertThat(tokens.get()).isEqualTo(1);
  }
}
