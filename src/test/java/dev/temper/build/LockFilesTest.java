package dev.temper.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFilesTest {
  private static final String PIN =
      "{\"name\": \"curl\", \"version\": \"1\", \"architecture\": \"amd64\","
          + " \"filename\": \"pool/c/curl.deb\", \"size\": 1, \"sha256\": \""
          + "0".repeat(64)
          + "\"}";

  @TempDir Path dir;

  private Path lock(String text) throws Exception {
    return Files.writeString(dir.resolve("app.lock.json"), text);
  }

  @Test
  void validLockIsRead() throws Exception {
    Path file = lock("{\"lockVersion\": 1, \"packages\": [" + PIN + "]}");

    assertThat(LockFiles.read(file).packages()).hasSize(1);
  }

  @Test
  void syntaxErrorNamesFileLineAndColumn() throws Exception {
    Path file = lock("{\"lockVersion\": 1,\n \"packages\": [" + PIN + ",]}");

    assertThatThrownBy(() -> LockFiles.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": invalid JSON at line 2, column ")
        .hasMessageContaining("unexpected character ']'")
        .hasMessageNotContaining("Source:")
        .hasMessageNotContaining("REDACTED");
  }

  @Test
  void truncatedLockHasNoSourceExcerpt() throws Exception {
    Path file = lock("{\"lockVersion\": 1,\n \"packages\": [{\"name\": \"curl\"");

    assertThatThrownBy(() -> LockFiles.read(file))
        .hasMessage(
            file
                + ": invalid JSON at line 2, column 30: unexpected end-of-input: expected close"
                + " marker for Object (opened at line 2, column 15)");
  }

  @Test
  void duplicateKeyIsRejected() throws Exception {
    Path file = lock("{\"lockVersion\": 1,\n \"packages\": [],\n \"packages\": [" + PIN + "]}");

    assertThatThrownBy(() -> LockFiles.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": invalid JSON at line 3, column 12: duplicate key 'packages'");
  }

  @Test
  void duplicateKeyInPinIsRejected() throws Exception {
    String twice = PIN.replace("\"size\": 1,", "\"size\": 1, \"size\": 2,");
    Path file = lock("{\"lockVersion\": 1, \"packages\": [" + twice + "]}");

    assertThatThrownBy(() -> LockFiles.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": invalid JSON at line 1, column ")
        .hasMessageEndingWith(": duplicate key 'size'");
  }

  @Test
  void wrongTypeNamesFieldPath() throws Exception {
    Path file = lock("{\"lockVersion\": 1, \"packages\": [" + PIN.replace("1,", "\"one\",") + "]}");

    assertThatThrownBy(() -> LockFiles.read(file))
        .hasMessageStartingWith(file + ": invalid lock file at line 1, column ")
        .hasMessageEndingWith(": field 'packages[0].size' has the wrong type, expected a number");
  }

  @Test
  void unknownFieldNamesParent() throws Exception {
    Path file = lock("{\"lockVersion\": 1, \"packages\": [" + PIN.replace("size", "sizes") + "]}");

    assertThatThrownBy(() -> LockFiles.read(file))
        .hasMessageStartingWith(file + ": invalid lock file at line 1, column ")
        .hasMessageEndingWith(": unknown field 'sizes' in 'packages[0]'");
  }
}
