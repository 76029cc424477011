package dev.temper.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {
  private static InputStream bounded(int bytes, long limit) {
    return new BoundedInputStream(new ByteArrayInputStream(new byte[bytes]), limit, "x: data");
  }

  @Test
  void contentAtTheLimitReads() throws Exception {
    try (InputStream in = bounded(100, 100)) {
      assertThat(in.readAllBytes()).hasSize(100);
    }
  }

  @Test
  void oneByteOverTheLimitFails() {
    assertThatThrownBy(() -> bounded(101, 100).readAllBytes())
        .isInstanceOf(SizeLimitException.class)
        .hasMessage("x: data is larger than the limit of 100 bytes");
  }

  @Test
  void singleByteReadsAndSkipsCount() throws Exception {
    InputStream in = bounded(10, 5);
    assertThat(in.skip(4)).isEqualTo(4);
    assertThat(in.read()).isZero();

    assertThatThrownBy(in::read).isInstanceOf(SizeLimitException.class);
  }
}
