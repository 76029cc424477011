package dev.temper.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class DigestWarmupTest {
  @Test
  void warmupThreadEndsByItself() throws Exception {
    Thread thread = DigestWarmup.start();

    thread.join(60_000);

    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread.isAlive()).isFalse();
  }

  @Test
  void warmupHashesFourMebibytesOfZeros() throws Exception {
    byte[] zeros = new byte[DigestWarmup.BLOCK_BYTES * DigestWarmup.BLOCKS];

    assertThat(DigestWarmup.hash()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(zeros));
    assertThat(zeros.length).isEqualTo(4 << 20);
  }
}
