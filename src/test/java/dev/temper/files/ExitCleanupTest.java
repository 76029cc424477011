package dev.temper.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCleanupTest {
  @TempDir Path temp;

  @Test
  void registeredTreeIsDeleted() throws Exception {
    Path tree = Files.createDirectories(temp.resolve("staging/blobs/sha256"));
    Files.writeString(tree.resolve("blob"), "bytes");
    Path outside = Files.writeString(temp.resolve("outside"), "kept");
    Files.createSymbolicLink(temp.resolve("staging/link"), outside);
    ExitCleanup.register(temp.resolve("staging"));

    ExitCleanup.deleteAll();
    ExitCleanup.unregister(temp.resolve("staging"));

    assertThat(temp.resolve("staging")).doesNotExist();
    assertThat(outside).hasContent("kept");
  }
}
