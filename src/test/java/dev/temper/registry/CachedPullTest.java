package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.oci.Digest;
import dev.temper.oci.Platform;
import dev.temper.oci.layout.OciLayout;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.registry.transfer.CopyResult;
import dev.temper.registry.transfer.Transfers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls through a content cache of the test's own from Debian's docker-registry on loopback: blobs
 * are linked from the cache into the layout, and a cached blob that changed on disk is pulled again
 * instead of being linked.
 */
class CachedPullTest {
  private static final Platform AMD64 = new Platform("linux", "amd64", null);

  @TempDir static Path serverDirectory;
  private static DistributionServer server;
  private static Registries registries;

  @TempDir Path temp;

  @BeforeAll
  static void startRegistry() throws Exception {
    server = DistributionServer.start(serverDirectory, DistributionServer.Options.open());
    registries =
        new Registries(
            RegistrySettings.defaults(), CredentialSource.ANONYMOUS, DownloadListener.NONE);
  }

  @AfterAll
  static void stopRegistry() {
    server.close();
  }

  private CopyResult pull(ContentCache cache, String repository, Path layout) throws Exception {
    return new Transfers(registries, cache)
        .copy(
            ImageReferences.parse(server.host() + "/" + repository + ":v1"),
            ImageReferences.parse("oci:" + layout),
            false,
            null);
  }

  private TestImage pushed(String repository, String content) throws Exception {
    TestImage image = TestImage.single(AMD64, content);
    image.push(registries.open(new Repository(server.host(), repository)), "v1");
    return image;
  }

  @Test
  void pulledLayerIsReadOnlyLinkToCache() throws Exception {
    TestImage image = pushed("cached/linked", "linked layer");
    ContentCache cache = new ContentCache(temp.resolve("cache"), Clock.systemUTC());
    Path layout = temp.resolve("layout");

    pull(cache, "cached/linked", layout);

    Digest layer = image.layers().get(0).digest();
    Path inLayout = OciLayout.open(layout).blobPath(layer);
    assertThat(Files.isSameFile(inLayout, cache.find(layer.hex()).orElseThrow())).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(inLayout)))
        .isEqualTo("r--r--r--");
  }

  @Test
  void changedCachedBlobIsPulledAgain() throws Exception {
    TestImage image = pushed("cached/changed", "original layer");
    ContentCache cache = new ContentCache(temp.resolve("cache"), Clock.systemUTC());
    pull(cache, "cached/changed", temp.resolve("first"));
    Digest layer = image.layers().get(0).digest();
    Path cached = cache.find(layer.hex()).orElseThrow();
    byte[] original = Files.readAllBytes(cached);
    byte[] changed = original.clone();
    changed[changed.length - 1] ^= 1;
    // Replaced, not written in place, so that the first layout, which links the blob, keeps it.
    Files.delete(cached);
    Files.write(cached, changed);

    Path second = temp.resolve("second");
    CopyResult result = pull(cache, "cached/changed", second);

    Path inLayout = OciLayout.open(second).blobPath(layer);
    assertThat(result.copied()).isEqualTo(2);
    assertThat(result.fromCache()).as("only the config comes from the cache").isEqualTo(1);
    assertThat(Files.readAllBytes(inLayout)).isEqualTo(original);
    assertThat(Files.readAllBytes(cache.find(layer.hex()).orElseThrow())).isEqualTo(original);
  }

  @Test
  void warmCachePullCountsCachedBlobs() throws Exception {
    pushed("cached/warm", "warm layer");
    ContentCache cache = new ContentCache(temp.resolve("cache"), Clock.systemUTC());
    CopyResult first = pull(cache, "cached/warm", temp.resolve("first"));

    CopyResult second = pull(cache, "cached/warm", temp.resolve("second"));

    assertThat(first.copied()).isEqualTo(2);
    assertThat(first.fromCache()).isZero();
    assertThat(second.copied()).isEqualTo(2);
    assertThat(second.fromCache()).isEqualTo(2);
    assertThat(second.bytesCopied()).isEqualTo(first.bytesCopied());
  }

  @Test
  void layoutWithEveryBlobNeedsNoDownload() throws Exception {
    TestImage image = pushed("cached/present", "present layer");
    Path layout = temp.resolve("layout");
    pull(
        new ContentCache(temp.resolve("first-cache"), Clock.systemUTC()), "cached/present", layout);
    ContentCache empty = new ContentCache(temp.resolve("empty-cache"), Clock.systemUTC());

    CopyResult again = pull(empty, "cached/present", layout);

    assertThat(again.copied()).isZero();
    assertThat(again.existed()).isEqualTo(2);
    assertThat(empty.find(image.layers().get(0).digest().hex())).isEmpty();
  }

  @Test
  void damagedLayoutBlobIsPulledAgain() throws Exception {
    TestImage image = pushed("cached/damaged", "damaged layer");
    Path layout = temp.resolve("layout");
    ContentCache cache = new ContentCache(temp.resolve("cache"), Clock.systemUTC());
    pull(cache, "cached/damaged", layout);
    Digest layer = image.layers().get(0).digest();
    Path inLayout = OciLayout.open(layout).blobPath(layer);
    byte[] original = Files.readAllBytes(inLayout);
    byte[] damaged = original.clone();
    damaged[0] ^= 1;
    Files.delete(inLayout);
    Files.write(inLayout, damaged);

    CopyResult again = pull(cache, "cached/damaged", layout);

    assertThat(again.copied()).isEqualTo(1);
    assertThat(again.fromCache()).isEqualTo(1);
    assertThat(again.existed()).isEqualTo(1);
    assertThat(Files.readAllBytes(OciLayout.open(layout).blobPath(layer))).isEqualTo(original);
  }
}
