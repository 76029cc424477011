package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
  @Test
  void readsBytesAndBinaryUnits() {
    assertThat(ByteSize.parse("1048576")).isEqualTo(1048576L);
    assertThat(ByteSize.parse("512KiB")).isEqualTo(512L << 10);
    assertThat(ByteSize.parse("16 mib")).isEqualTo(16L << 20);
    assertThat(ByteSize.parse(" 1GIB ")).isEqualTo(1L << 30);
    assertThat(ByteSize.parse("1\tKiB")).isEqualTo(1024L);
  }

  @Test
  void rejectsWhatIsNotASize() {
    for (String text : new String[] {"", "KiB", "12 parsecs", "1.5MiB", "1 2", "-1", "1KB"}) {
      assertThatThrownBy(() -> ByteSize.parse(text))
          .as(text)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "'" + text + "' is not a size; write bytes, or a number with KiB, MiB or GiB");
    }
  }

  @Test
  void rejectsZeroAndOverflow() {
    assertThatThrownBy(() -> ByteSize.parse("0"))
        .hasMessage("the size must be at least 1 byte, got '0'");
    assertThatThrownBy(() -> ByteSize.parse("9999999999999999999"))
        .hasMessage("'9999999999999999999' is too large");
    assertThatThrownBy(() -> ByteSize.parse("9007199254740992KiB"))
        .hasMessage("'9007199254740992KiB' is too large");
    assertThatThrownBy(() -> ByteSize.parse("12345678901234567890"))
        .hasMessageContaining("is not a size");
    assertThat(ByteSize.parse("9007199254740991KiB")).isEqualTo(9007199254740991L << 10);
  }
}
