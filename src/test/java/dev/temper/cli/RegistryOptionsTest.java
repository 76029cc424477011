package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.cli.args.ArgumentParser;
import dev.temper.cli.args.UsageException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryOptionsTest {
  private static RegistryOptions options(String... words) {
    return new RegistryOptions(ArgumentParser.parse(ResolveCommand.SPEC, words));
  }

  @Test
  void timeoutDefaultsToOneMinute() {
    assertThat(options("h/r:1").settings(null).idleTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void timeoutSetsTheRequestTimeout() {
    assertThat(options("--timeout", "5", "h/r:1").settings(null).idleTimeout())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void timeoutOutsideItsRangeIsUsageError() {
    assertThatThrownBy(() -> options("--timeout", "0", "h/r:1"))
        .isInstanceOf(UsageException.class)
        .hasMessage("invalid value for option '--timeout': 0 is not between 1 and 86400 seconds");
    assertThatThrownBy(() -> options("--timeout", "86401", "h/r:1"))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> options("--timeout", "soon", "h/r:1"))
        .isInstanceOf(UsageException.class);
  }
}
