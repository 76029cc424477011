package dev.temper.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlParagraphsTest {
  @Test
  void keepsEveryFieldInOrder() throws Exception {
    String text =
        "Package: a\nStatus: install ok installed\nDescription: short\n more\n .\n end\n\n"
            + "# comment\nPackage: b\nX-Custom: 1\n";

    List<Map<String, String>> paragraphs =
        ControlParagraphs.read(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "status");

    assertThat(paragraphs).hasSize(2);
    assertThat(paragraphs.get(0).keySet()).containsExactly("Package", "Status", "Description");
    assertThat(paragraphs.get(0)).containsEntry("Description", "short\nmore\n.\nend");
    assertThat(paragraphs.get(1))
        .containsExactly(Map.entry("Package", "b"), Map.entry("X-Custom", "1"));
  }

  @Test
  void rejectsRepeatedFieldIgnoringCase() {
    byte[] text = "Package: a\npackage: b\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ControlParagraphs.readSingle(text, "control"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("control: field 'package' appears twice in one paragraph");
  }

  @Test
  void readSingleRejectsEmptyFile() {
    assertThatThrownBy(() -> ControlParagraphs.readSingle(new byte[0], "control"))
        .hasMessage("control: expected one paragraph but found 0");
  }
}
