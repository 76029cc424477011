package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {
  private static AuthChallenge single(String header) {
    List<AuthChallenge> challenges = AuthChallenge.parseAll(header);
    assertThat(challenges).hasSize(1);
    return challenges.get(0);
  }

  @Test
  void bearerWithQuotedParameters() {
    AuthChallenge challenge =
        single(
            "Bearer realm=\"https://127.0.0.1:5001/token\",service=\"registry\",scope=\"repository:a/b:pull,push\"");

    assertThat(challenge.scheme()).isEqualTo("bearer");
    assertThat(challenge.parameter("realm")).contains("https://127.0.0.1:5001/token");
    assertThat(challenge.parameter("service")).contains("registry");
    assertThat(challenge.parameter("scope")).contains("repository:a/b:pull,push");
  }

  @Test
  void basicWithEscapesAndBareValues() {
    AuthChallenge challenge = single("Basic realm=\"say \\\"hi\\\"\", charset=UTF-8");

    assertThat(challenge.scheme()).isEqualTo("basic");
    assertThat(challenge.parameter("realm")).contains("say \"hi\"");
    assertThat(challenge.parameter("charset")).contains("UTF-8");
  }

  @Test
  void severalChallengesInOneValue() {
    List<AuthChallenge> challenges =
        AuthChallenge.parseAll(
            "Negotiate, Bearer realm=\"https://127.0.0.1/token\", service=registry ,Basic realm=x");

    assertThat(challenges)
        .containsExactly(
            new AuthChallenge("negotiate", Map.of()),
            new AuthChallenge(
                "bearer", Map.of("realm", "https://127.0.0.1/token", "service", "registry")),
            new AuthChallenge("basic", Map.of("realm", "x")));
  }

  @Test
  void token68CredentialsAreSkipped() {
    List<AuthChallenge> challenges =
        AuthChallenge.parseAll("Negotiate YIIB+/x.y~_-==, Basic realm=\"r\"");

    assertThat(challenges)
        .containsExactly(
            new AuthChallenge("negotiate", Map.of()),
            new AuthChallenge("basic", Map.of("realm", "r")));
    // A single word after the scheme is a token68 too, not a parameter without its value.
    assertThat(single("Bearer realm")).isEqualTo(new AuthChallenge("bearer", Map.of()));
  }

  @Test
  void emptyElementsAndSpacesAllowed() {
    assertThat(single(" ,, Bearer realm = \"r\" ,, scope= x ,"))
        .isEqualTo(new AuthChallenge("bearer", Map.of("realm", "r", "scope", "x")));
  }

  @Test
  void malformedChallengesAreRejected() {
    assertThatThrownBy(() -> AuthChallenge.parseAll(""))
        .hasMessage("missing authentication scheme");
    assertThatThrownBy(() -> AuthChallenge.parseAll(" , ,"))
        .hasMessage("missing authentication scheme");
    assertThatThrownBy(() -> AuthChallenge.parseAll("Bearer realm=\"x"))
        .hasMessage("unterminated quoted string");
    assertThatThrownBy(() -> AuthChallenge.parseAll("Bearer a=b c=d"))
        .hasMessage("expected ',' at offset 11");
    assertThatThrownBy(() -> AuthChallenge.parseAll("Bearer a=b, c="))
        .hasMessage("expected a value at offset 14");
    assertThatThrownBy(() -> AuthChallenge.parseAll("realm=\"x\""))
        .hasMessage("expected an authentication scheme at offset 0");
    assertThatThrownBy(() -> AuthChallenge.parseAll("\"x\""))
        .hasMessage("expected an authentication scheme at offset 0");
    assertThatThrownBy(() -> AuthChallenge.parseAll("Negotiate @@"))
        .hasMessage("expected name=value at offset 10");
  }

  @Test
  void scopesMergeActionsPerRepository() {
    Scope scope = Scope.push("a/b").plus("repository:a/b:pull repository:c:pull");

    assertThat(scope.entries()).containsExactly("repository:a/b:pull,push", "repository:c:pull");
  }
}
