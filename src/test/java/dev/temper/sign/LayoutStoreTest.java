package dev.temper.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutStoreTest {
  private static final String MANIFEST_TYPE = CosignManifests.MANIFEST_MEDIA_TYPE;

  @TempDir Path dir;

  @Test
  void firstWriteCreatesLayout() throws Exception {
    ArtifactStore store = ArtifactStore.ociLayout(dir.resolve("new"));

    BlobDescriptor written =
        store.writeManifest(bytes("{\"schemaVersion\":2}"), MANIFEST_TYPE, "v1");

    assertThat(Files.readString(dir.resolve("new/oci-layout")))
        .isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
    assertThat(store.resolveTag("v1")).hasValue(written);
    assertThat(store.readBlob(written.digest(), 100))
        .hasValueSatisfying(
            content ->
                assertThat(new String(content, StandardCharsets.UTF_8))
                    .isEqualTo("{\"schemaVersion\":2}"));
  }

  @Test
  void symlinkedBlobsDirectoryIsRejected() throws Exception {
    java.nio.file.Path outside = java.nio.file.Files.createDirectories(dir.resolve("outside"));
    java.nio.file.Path layout = java.nio.file.Files.createDirectories(dir.resolve("layout"));
    java.nio.file.Files.createSymbolicLink(layout.resolve("blobs"), outside);
    ArtifactStore store = ArtifactStore.ociLayout(layout);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writeBlob(new byte[] {1}))
        .isInstanceOf(dev.temper.error.InvalidInputException.class)
        .hasMessageContaining("blobs is a symbolic link");
    try (var files = java.nio.file.Files.list(outside)) {
      org.assertj.core.api.Assertions.assertThat(files).isEmpty();
    }
  }

  @Test
  void retaggingReplacesIndexEntry() throws Exception {
    ArtifactStore store = ArtifactStore.ociLayout(dir);
    store.writeManifest(bytes("{\"schemaVersion\":2,\"n\":1}"), MANIFEST_TYPE, "v1");

    BlobDescriptor second =
        store.writeManifest(bytes("{\"schemaVersion\":2,\"n\":2}"), MANIFEST_TYPE, "v1");

    assertThat(store.manifests()).containsExactly(second);
  }

  @Test
  void bundleReferrerIsListedButNotAnImage() throws Exception {
    ArtifactStore store = ArtifactStore.ociLayout(dir);
    BlobDescriptor image =
        store.writeManifest(bytes("{\"schemaVersion\":2,\"layers\":[]}"), MANIFEST_TYPE, "v1");
    SigningKey key = SigningKey.generate(new java.security.SecureRandom());
    CosignImages.Attached attached =
        CosignImages.sign(store, image.digest(), "example/app", java.util.Map.of(), key);

    BlobDescriptor referrer = BundleReferrers.attach(store, image, attached.bundle(), "");
    BlobDescriptor again = BundleReferrers.attach(store, image, attached.bundle(), "");
    LayoutImage untagged = LayoutImage.parse("oci:" + dir);

    assertThat(again).isEqualTo(referrer);
    assertThat(store.referrers(image.digest()))
        .extracting(BlobDescriptor::digest)
        .containsExactly(referrer.digest());
    assertThat(BundleReferrers.find(store, image.digest()))
        .singleElement()
        .satisfies(c -> assertThat(c.bundle()).isPresent());
    assertThat(untagged.resolveDigest(store)).isEqualTo(image.digest());
    assertThat(
            ImageVerification.signatures(store, image.digest(), key.verificationKey()).verified())
        .hasSize(2);
  }

  @Test
  void referrersNameSubject() throws Exception {
    ArtifactStore store = ArtifactStore.ociLayout(dir);
    String image =
        store.writeManifest(bytes("{\"schemaVersion\":2}"), MANIFEST_TYPE, "v1").digest();
    BlobDescriptor referrer =
        store.writeManifest(
            bytes("{\"schemaVersion\":2,\"subject\":{\"digest\":\"" + image + "\"}}"),
            MANIFEST_TYPE,
            "ref");

    assertThat(store.referrers(image)).containsExactly(referrer);
  }

  @Test
  void oversizedBlobIsRejected() throws Exception {
    ArtifactStore store = ArtifactStore.ociLayout(dir);
    String digest = store.writeBlob(new byte[101]);

    assertThatThrownBy(() -> store.readBlob(digest, 100))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("is larger than the maximum of 100 bytes");
    assertThat(store.readBlob("sha256:" + "0".repeat(64), 100)).isEmpty();
  }

  @Test
  void imageWithoutTagNeedsSingleImage() throws Exception {
    ArtifactStore store = ArtifactStore.ociLayout(dir);
    String image =
        store.writeManifest(bytes("{\"schemaVersion\":2}"), MANIFEST_TYPE, "v1").digest();
    store.writeManifest(
        bytes("{\"schemaVersion\":2,\"sig\":1}"), MANIFEST_TYPE, CosignManifests.tag(image, "sig"));
    LayoutImage untagged = LayoutImage.parse("oci:" + dir);

    assertThat(untagged.tag()).isEqualTo(Optional.empty());
    assertThat(untagged.resolveDigest(store)).isEqualTo(image);

    String second =
        store.writeManifest(bytes("{\"schemaVersion\":2,\"n\":2}"), MANIFEST_TYPE, "v2").digest();
    assertThatThrownBy(() -> untagged.resolveDigest(store))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "oci:"
                + dir
                + ": the layout has 2 images and none is tagged 'latest', so name one of them: oci:"
                + dir
                + ":v1, oci:"
                + dir
                + ":v2");
    assertThat(LayoutImage.parse("oci:" + dir + ":@2").resolveDigest(store)).isEqualTo(second);
    assertThatThrownBy(() -> LayoutImage.parse("oci:" + dir + ":@3").resolveDigest(store))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("oci:" + dir + ": no image at index 3, the layout has 3");
  }

  @Test
  void layoutNamesParse() throws Exception {
    assertThat(LayoutImage.parse("oci:out/app:1.0"))
        .isEqualTo(new LayoutImage(Path.of("out/app"), Optional.of("1.0")));
    assertThatThrownBy(() -> LayoutImage.parse("oci:dir:"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("image 'oci:dir:': empty directory or tag");
    assertThatThrownBy(
            () -> LayoutImage.parse("oci:dir:missing").resolveDigest(ArtifactStore.ociLayout(dir)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("dir: no image tagged 'missing'");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
