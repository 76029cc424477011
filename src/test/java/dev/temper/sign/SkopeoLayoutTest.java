package dev.temper.sign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.testing.ProcessRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks with skopeo that signing leaves a layout that a real OCI client reads. */
class SkopeoLayoutTest {
  @Test
  void skopeoCopiesSignatureManifest(@TempDir Path dir) throws Exception {
    Path layout = dir.resolve("layout");
    ArtifactStore store = ArtifactStore.ociLayout(layout);
    byte[] config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
            .getBytes(StandardCharsets.UTF_8);
    String configDigest = store.writeBlob(config);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
            + configDigest
            + "\",\"size\":"
            + config.length
            + "},\"layers\":[]}";
    String image =
        store
            .writeManifest(
                manifest.getBytes(StandardCharsets.UTF_8),
                CosignManifests.MANIFEST_MEDIA_TYPE,
                "1.0")
            .digest();
    CosignImages.Attached signed =
        CosignImages.sign(
            store, image, "example/app", Map.of(), SigningKey.generate(new SecureRandom()));

    ProcessRun raw = skopeo(dir, "inspect", "--raw", "oci:" + layout + ":" + signed.tag());
    ProcessRun copy =
        skopeo(dir, "copy", "oci:" + layout + ":" + signed.tag(), "dir:" + dir.resolve("copy"));
    ProcessRun original = skopeo(dir, "inspect", "--raw", "oci:" + layout + ":1.0");

    byte[] stored = store.readBlob(signed.manifest().digest(), 1 << 20).orElseThrow();
    assertThat(raw.requireSuccess().stdout()).isEqualTo(new String(stored, StandardCharsets.UTF_8));
    assertThat(copy.requireSuccess().exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("copy/manifest.json")))
        .contains(SimpleSigning.MEDIA_TYPE);
    assertThat(original.requireSuccess().stdout()).isEqualTo(manifest);
  }

  private static ProcessRun skopeo(Path dir, String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("skopeo", "--insecure-policy"));
    command.addAll(List.of(arguments));
    return ProcessRun.run(dir, Map.of(), List.of(), command);
  }
}
