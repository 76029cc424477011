package dev.temper.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying of cosign signatures between two OCI layouts, without a registry. */
class AttachmentsTest {
  private static final byte[] IMAGE =
      "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private final SecureRandom random = new SecureRandom();

  @Test
  void mergedSignaturesCountAsPresentAfterwards() throws Exception {
    ArtifactStore source = ArtifactStore.ociLayout(dir.resolve("source"));
    ArtifactStore target = ArtifactStore.ociLayout(dir.resolve("target"));
    String image = source.writeManifest(IMAGE, CosignManifests.MANIFEST_MEDIA_TYPE, "v1").digest();
    target.writeManifest(IMAGE, CosignManifests.MANIFEST_MEDIA_TYPE, "v1");
    SigningKey sourceKey = SigningKey.generate(random);
    SigningKey targetKey = SigningKey.generate(random);
    CosignImages.sign(source, image, "example/source", Map.of(), sourceKey);
    CosignImages.sign(target, image, "example/target", Map.of(), targetKey);
    String tag = CosignManifests.tag(image, "sig");

    Attachments.Copied first = Attachments.copy(source, target, List.of(image));
    BlobDescriptor merged = target.resolveTag(tag).orElseThrow();
    Attachments.Copied second = Attachments.copy(source, target, List.of(image));

    assertThat(first).isEqualTo(new Attachments.Copied(1, 0, 0));
    assertThat(second).isEqualTo(new Attachments.Copied(0, 0, 1));
    assertThat(target.resolveTag(tag)).hasValue(merged);
    assertThat(verified(target, image, sourceKey)).isEqualTo(1);
    assertThat(verified(target, image, targetKey)).isEqualTo(1);
  }

  @Test
  void samePayloadSignedByTwoKeysKeepsBoth() throws Exception {
    ArtifactStore source = ArtifactStore.ociLayout(dir.resolve("source"));
    ArtifactStore target = ArtifactStore.ociLayout(dir.resolve("target"));
    String image = source.writeManifest(IMAGE, CosignManifests.MANIFEST_MEDIA_TYPE, "v1").digest();
    target.writeManifest(IMAGE, CosignManifests.MANIFEST_MEDIA_TYPE, "v1");
    SigningKey sourceKey = SigningKey.generate(random);
    SigningKey targetKey = SigningKey.generate(random);
    // The same reference gives the same payload, so both signature layers have one digest.
    CosignImages.sign(source, image, "example/app", Map.of(), sourceKey);
    CosignImages.sign(target, image, "example/app", Map.of(), targetKey);

    Attachments.Copied first = Attachments.copy(source, target, List.of(image));
    Attachments.Copied second = Attachments.copy(source, target, List.of(image));

    assertThat(first).isEqualTo(new Attachments.Copied(1, 0, 0));
    assertThat(second).isEqualTo(new Attachments.Copied(0, 0, 1));
    assertThat(verified(target, image, sourceKey)).isEqualTo(1);
    assertThat(verified(target, image, targetKey)).isEqualTo(1);
  }

  private static int verified(ArtifactStore store, String image, SigningKey key) throws Exception {
    return ImageVerification.signatures(store, image, key.verificationKey()).verified().size();
  }
}
