package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void basicCredentialsRedactPasswordAndHeader() {
    Secrets secrets = Secrets.of(Optional.of(Credentials.basic("alice", "SECRETPASS")));

    assertThat(secrets.redact("Basic YWxpY2U6U0VDUkVUUEFTUw== and SECRETPASS from alice"))
        .isEqualTo("Basic <redacted> and <redacted> from alice");
  }

  @Test
  void longerSecretIsRedactedWhole() {
    Secrets secrets = new Secrets();
    secrets.add("abc");
    secrets.add("xxabcxx");

    assertThat(secrets.redact("token xxabcxx, password abc"))
        .isEqualTo("token <redacted>, password <redacted>");
  }

  @Test
  void secretCaseIsIgnored() {
    Secrets secrets = new Secrets();
    secrets.add("MixedCaseToken");

    assertThat(secrets.redact("bearer mixedcasetoken")).isEqualTo("bearer <redacted>");
  }

  @Test
  void emptySecretsChangeNothing() {
    Secrets secrets = Secrets.of(Optional.of(Credentials.identity("")));
    secrets.add(null);
    secrets.add("");

    assertThat(secrets.redact("plain text")).isEqualTo("plain text");
    assertThat(secrets.toString()).isEqualTo("Secrets[0 redacted]");
  }
}
