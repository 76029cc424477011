package dev.temper.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.files.ExitCleanup;
import dev.temper.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removal of an OCI layout writer's staging directory when the JVM exits before it closes. */
class OciLayoutWriterCleanupTest {
  @TempDir Path temp;

  @Test
  void writerRegistersStagingUntilClosed() throws Exception {
    Path staging;
    try (OciLayoutWriter writer = OciLayoutWriter.open(temp.resolve("out"))) {
      staging = stagingDirectory();
      assertThat(ExitCleanup.isRegistered(staging)).isTrue();
    }

    assertThat(ExitCleanup.isRegistered(staging)).isFalse();
    assertThat(staging).doesNotExist();
  }

  @Test
  void sigtermRemovesStagingDirectory() throws Exception {
    Process child = ChildJvm.startReady(Child.class, temp.resolve("out").toString());
    assertThat(stagingDirectory()).exists();

    child.destroy();

    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
  }

  private Path stagingDirectory() throws IOException {
    try (Stream<Path> entries = Files.list(temp)) {
      return entries
          .filter(path -> path.getFileName().toString().startsWith(".out.tmp-"))
          .findFirst()
          .orElseThrow();
    }
  }

  /** Opens a layout writer, writes a blob, reports that it is ready and waits to be stopped. */
  static final class Child {
    public static void main(String[] args) throws Exception {
      OciLayoutWriter writer = OciLayoutWriter.open(Path.of(args[0]));
      writer.writeBlob("application/octet-stream", "blob".getBytes(StandardCharsets.UTF_8));
      System.out.print("ready\n");
      System.out.flush();
      Thread.sleep(60_000);
      writer.close();
    }
  }
}
