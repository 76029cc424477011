package dev.temper.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying of cosign signatures between two OCI layouts, without a registry. */
class AttachmentsTest {
  private static final byte[] IMAGE =
      "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private final SecureRandom random = new SecureRandom();
  private ArtifactStore source;
  private ArtifactStore target;
  private String image;

  /** Writes one image manifest into two layouts, the source and the target of each copy. */
  @BeforeEach
  void writeImageToBothLayouts() throws Exception {
    source = ArtifactStore.ociLayout(dir.resolve("source"));
    target = ArtifactStore.ociLayout(dir.resolve("target"));
    image = source.writeManifest(IMAGE, CosignManifests.MANIFEST_MEDIA_TYPE, "v1").digest();
    target.writeManifest(IMAGE, CosignManifests.MANIFEST_MEDIA_TYPE, "v1");
  }

  @Test
  void mergedSignaturesCountAsPresentAfterwards() throws Exception {
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

  @Test
  void mergeOverLayerLimitFailsAndKeepsTarget() throws Exception {
    String tag = CosignManifests.tag(image, "sig");
    int half = CosignManifests.MAX_LAYERS / 2 + 1;
    writeSignatureTag(source, tag, "source", half);
    BlobDescriptor before = writeSignatureTag(target, tag, "target", half);

    assertThatThrownBy(() -> Attachments.copy(source, target, List.of(image)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            tag
                + ": merging the signatures would give "
                + 2 * half
                + " layers, the maximum is "
                + CosignManifests.MAX_LAYERS);
    assertThat(target.resolveTag(tag)).hasValue(before);
  }

  /** Writes a signature manifest of {@code count} distinct layers under {@code tag}. */
  private static BlobDescriptor writeSignatureTag(
      ArtifactStore store, String tag, String prefix, int count) throws Exception {
    List<BlobDescriptor> layers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] content = (prefix + i).getBytes(StandardCharsets.UTF_8);
      String digest = store.writeBlob(content);
      layers.add(new BlobDescriptor(SimpleSigning.MEDIA_TYPE, digest, content.length, Map.of()));
    }
    CosignManifests.Blobs blobs = CosignManifests.build(layers);
    store.writeBlob(blobs.config());
    return store.writeManifest(blobs.manifest(), CosignManifests.MANIFEST_MEDIA_TYPE, tag);
  }

  private static int verified(ArtifactStore store, String image, SigningKey key) throws Exception {
    return ImageVerification.signatures(store, image, key.verificationKey()).verified().size();
  }
}
