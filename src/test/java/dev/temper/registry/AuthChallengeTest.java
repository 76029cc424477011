package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {
  @Test
  void bearerWithQuotedParameters() {
    AuthChallenge challenge =
        AuthChallenge.parse(
            "Bearer realm=\"https://127.0.0.1:5001/token\",service=\"registry\",scope=\"repository:a/b:pull,push\"");

    assertThat(challenge.scheme()).isEqualTo("bearer");
    assertThat(challenge.parameter("realm")).contains("https://127.0.0.1:5001/token");
    assertThat(challenge.parameter("service")).contains("registry");
    assertThat(challenge.parameter("scope")).contains("repository:a/b:pull,push");
  }

  @Test
  void basicWithEscapesAndBareValues() {
    AuthChallenge challenge = AuthChallenge.parse("Basic realm=\"say \\\"hi\\\"\", charset=UTF-8");

    assertThat(challenge.scheme()).isEqualTo("basic");
    assertThat(challenge.parameter("realm")).contains("say \"hi\"");
    assertThat(challenge.parameter("charset")).contains("UTF-8");
  }

  @Test
  void malformedChallengesAreRejected() {
    assertThatThrownBy(() -> AuthChallenge.parse("")).hasMessage("no authentication scheme");
    assertThatThrownBy(() -> AuthChallenge.parse("Bearer realm"))
        .hasMessage("expected name=value at offset 12");
    assertThatThrownBy(() -> AuthChallenge.parse("Bearer realm=\"x"))
        .hasMessage("unterminated quoted string");
    assertThatThrownBy(() -> AuthChallenge.parse("Bearer a=b c=d"))
        .hasMessage("expected ',' at offset 11");
  }

  @Test
  void scopesMergeActionsPerRepository() {
    Scope scope = Scope.push("a/b").plus("repository:a/b:pull repository:c:pull");

    assertThat(scope.entries()).containsExactly("repository:a/b:pull,push", "repository:c:pull");
  }
}
