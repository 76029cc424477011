package dev.temper.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.oci.Descriptor;
import dev.temper.oci.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A written layout takes the modes that the umask gives new files and directories, as skopeo's and
 * umoci's do, not the owner-only modes of the JDK's temporary files.
 */
class LayoutModesTest {
  @TempDir Path temp;

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void newLayoutFollowsUmask() throws Exception {
    String fileMode = mode(Files.createFile(temp.resolve("plain-file")));
    String directoryMode = mode(Files.createDirectory(temp.resolve("plain-directory")));
    Path layout = temp.resolve("out");

    Descriptor blob;
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      blob = writer.writeBlob(MediaTypes.OCI_LAYER, "layer".getBytes(StandardCharsets.UTF_8));
      writer.addUntagged(blob);
      writer.commit();
    }

    assertThat(mode(layout)).isEqualTo(directoryMode);
    assertThat(mode(layout.resolve("index.json"))).isEqualTo(fileMode);
    assertThat(mode(layout.resolve("oci-layout"))).isEqualTo(fileMode);
    assertThat(mode(OciLayout.open(layout).blobPath(blob.digest()))).isEqualTo(fileMode);
  }
}
