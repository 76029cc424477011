package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryWarmupTest {
  @Test
  void threadEndsByItself() throws Exception {
    Thread thread = RegistryWarmup.start(true);

    thread.join(30_000);

    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread.isAlive()).isFalse();
  }
}
