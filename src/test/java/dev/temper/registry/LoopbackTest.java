package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackTest {
  @Test
  void loopbackNamesAndAddresses() {
    assertThat(Loopback.isLoopback("localhost")).isTrue();
    assertThat(Loopback.isLoopback("LOCALHOST")).isTrue();
    assertThat(Loopback.isLoopback("127.0.0.1")).isTrue();
    assertThat(Loopback.isLoopback("127.5.6.7")).isTrue();
    assertThat(Loopback.isLoopback("[::1]")).isTrue();
  }

  @Test
  void otherHostsAreNotLoopback() {
    assertThat(Loopback.isLoopback("127.0.0.1.nip.test")).isFalse();
    assertThat(Loopback.isLoopback("localhost.test")).isFalse();
    assertThat(Loopback.isLoopback("10.0.0.1")).isFalse();
    assertThat(Loopback.isLoopback("[::2]")).isFalse();
    assertThat(Loopback.isLoopback(null)).isFalse();
  }
}
