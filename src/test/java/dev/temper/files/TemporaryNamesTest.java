package dev.temper.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryNamesTest {
  @TempDir Path temp;

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void temporaryFilesFollowUmask() throws Exception {
    String fileMode = mode(Files.createFile(temp.resolve("plain-file")));
    String directoryMode = mode(Files.createDirectory(temp.resolve("plain-directory")));

    Path file = TemporaryNames.createFile(temp, ".a-", ".tmp");
    Path directory = TemporaryNames.createDirectory(temp, ".b-");

    assertThat(mode(file)).isEqualTo(fileMode).isNotEqualTo("rw-------");
    assertThat(mode(directory)).isEqualTo(directoryMode).isNotEqualTo("rwx------");
    assertThat(file.getFileName().toString()).startsWith(".a-").endsWith(".tmp");
    assertThat(directory.getFileName().toString()).startsWith(".b-");
    assertThat(file.getParent()).isEqualTo(temp);
  }

  @Test
  void everyCallCreatesNewEmptyFile() throws Exception {
    Set<Path> created = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Path file = TemporaryNames.createFile(temp, "x-", "");
      assertThat(Files.size(file)).isZero();
      created.add(file);
    }

    assertThat(created).hasSize(200);
  }

  @Test
  void randomPartIsShortLowerCaseText() {
    for (int i = 0; i < 200; i++) {
      assertThat(TemporaryNames.randomPart()).matches("[0-9a-z]{1,13}");
    }
  }
}
