package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes and pulls through the real distribution registry on loopback, without authentication. */
class RegistryClientTest {
  private static final Platform AMD64 = new Platform("linux", "amd64", null);

  @TempDir static Path serverDirectory;
  private static DistributionServer server;

  @TempDir Path temp;

  @BeforeAll
  static void startRegistry() throws Exception {
    server = DistributionServer.start(serverDirectory, DistributionServer.Options.open());
  }

  @AfterAll
  static void stopRegistry() {
    server.close();
  }

  private static Registries registries(long chunkSize) throws Exception {
    return new Registries(
        RegistrySettings.defaults().withChunkSize(chunkSize),
        CredentialSource.ANONYMOUS,
        DownloadListener.NONE);
  }

  private static RegistryClient client(String name) throws Exception {
    return registries(RegistrySettings.DEFAULT_CHUNK_SIZE)
        .open(new Repository(server.host(), name));
  }

  @Test
  void pushThenPullByTagAndDigest() throws Exception {
    TestImage image = TestImage.single(AMD64, "hello", "world");
    RegistryClient client = client("client/round-trip");
    image.push(client, "v1");

    PulledManifest byTag = client.pullManifest("v1");
    PulledManifest byDigest = client.pullManifest(image.digest().toString());

    assertThat(byTag.digest()).isEqualTo(image.digest());
    assertThat(byTag.bytes()).isEqualTo(image.root());
    assertThat(byTag.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(byDigest.digest()).isEqualTo(image.digest());
    assertThat(client.resolve("v1")).isEqualTo(image.digest());
  }

  @Test
  void pulledBlobsLandInTheCache() throws Exception {
    TestImage image = TestImage.single(AMD64, "cached layer");
    RegistryClient client = client("client/cache");
    image.push(client, "latest");
    ContentCache cache = new ContentCache(temp.resolve("cache"), Clock.systemUTC());

    Descriptor layer = image.layers().get(0);
    Path blob = client.pullBlob(layer, cache);

    assertThat(blob).isEqualTo(cache.find(layer.digest().hex()).orElseThrow());
    assertThat(Files.readAllBytes(blob)).isEqualTo(image.blobs().get(layer.digest()));
  }

  @Test
  void chunkedUploadStoresTheSameBlob() throws Exception {
    byte[] layer = new byte[100_000];
    new Random(7).nextBytes(layer);
    TestImage image = TestImage.ofLayer(AMD64, layer);
    RegistryClient client =
        registries(16_384).open(new Repository(server.host(), "client/chunked"));

    image.push(client, "chunked");
    ContentCache cache = new ContentCache(temp.resolve("cache"), Clock.systemUTC());
    Path pulled = client.pullBlob(image.layers().get(0), cache);

    assertThat(Files.readAllBytes(pulled)).isEqualTo(layer);
  }

  @Test
  void existingBlobIsSkippedAndOtherRepositoryMounts() throws Exception {
    TestImage image = TestImage.single(AMD64, "mount me");
    RegistryClient source = client("client/mount-source");
    image.push(source, "v1");
    RegistryClient target = client("client/mount-target");
    Descriptor layer = image.layers().get(0);
    BlobSource bytes = BlobSource.ofBytes(image.blobs().get(layer.digest()));

    RegistryClient.PushOutcome again = source.pushBlob(layer, bytes, Optional.empty());
    RegistryClient.PushOutcome mounted =
        target.pushBlob(layer, bytes, Optional.of(source.repository()));

    assertThat(again).isEqualTo(RegistryClient.PushOutcome.EXISTED);
    assertThat(mounted).isEqualTo(RegistryClient.PushOutcome.MOUNTED);
    assertThat(target.hasBlob(layer.digest())).isTrue();
  }

  @Test
  void tagsArePagedThroughLinkHeaders() throws Exception {
    TestImage image = TestImage.single(AMD64, "tags");
    RegistryClient client = client("client/tags");
    image.push(client, "a");
    for (String tag : List.of("b", "c", "d", "e")) {
      client.pushManifest(image.root(), image.mediaType(), tag);
    }
    RegistryTransport transport = transportOf(client);

    List<String> tags = new TagLister(transport, client.repository(), 2).list();

    // distribution 2.8 lists tags in storage order, not sorted.
    assertThat(tags).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    assertThat(client.listTags()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
  }

  @Test
  void multiArchIndexRoundTrips() throws Exception {
    TestImage amd = TestImage.single(AMD64, "amd64 binary");
    TestImage arm = TestImage.single(new Platform("linux", "arm64", "v8"), "arm64 binary");
    TestImage index =
        TestImage.index(List.of(amd, arm), List.of(AMD64, new Platform("linux", "arm64", "v8")));
    RegistryClient client = client("client/multi");
    index.push(client, "multi");

    PulledManifest pulled = client.pullManifest("multi");
    ImageIndex parsed = OciJson.read(pulled.bytes(), ImageIndex.class, "index");
    PulledManifest child = client.pullManifest(parsed.manifests().get(1).digest().toString());

    assertThat(pulled.digest()).isEqualTo(index.digest());
    assertThat(pulled.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(parsed.manifests())
        .extracting(Descriptor::platform)
        .containsExactly(AMD64, new Platform("linux", "arm64", "v8"));
    assertThat(child.bytes()).isEqualTo(arm.root());
  }

  @Test
  void dockerSchemaTwoListRoundTrips() throws Exception {
    RegistryClient client = client("client/docker");
    byte[] config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] layer = TestImage.gzip(TestImage.tar("a.txt", new byte[] {'a'}));
    Descriptor configDescriptor =
        Descriptor.of(MediaTypes.DOCKER_CONFIG, Digest.sha256(config), config.length);
    Descriptor layerDescriptor =
        Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, Digest.sha256(layer), layer.length);
    client.pushBlob(configDescriptor, BlobSource.ofBytes(config), Optional.empty());
    client.pushBlob(layerDescriptor, BlobSource.ofBytes(layer), Optional.empty());
    byte[] manifest =
        OciJson.write(
            new ImageManifest(
                2,
                MediaTypes.DOCKER_MANIFEST,
                null,
                configDescriptor,
                List.of(layerDescriptor),
                null,
                Map.of()));
    Digest manifestDigest =
        client.pushManifest(
            manifest, MediaTypes.DOCKER_MANIFEST, Digest.sha256(manifest).toString());
    Descriptor entry =
        Descriptor.of(MediaTypes.DOCKER_MANIFEST, manifestDigest, manifest.length)
            .withPlatform(AMD64);
    byte[] list =
        OciJson.write(
            new ImageIndex(
                2, MediaTypes.DOCKER_MANIFEST_LIST, null, List.of(entry), null, Map.of()));

    Digest listDigest = client.pushManifest(list, MediaTypes.DOCKER_MANIFEST_LIST, "docker");
    PulledManifest pulledList = client.pullManifest("docker");
    PulledManifest pulledManifest = client.pullManifest(manifestDigest.toString());

    assertThat(pulledList.digest()).isEqualTo(listDigest).isEqualTo(Digest.sha256(list));
    assertThat(pulledList.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
    assertThat(pulledManifest.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(pulledManifest.bytes()).isEqualTo(manifest);
  }

  @Test
  void referrersFallBackToTheDigestTag() throws Exception {
    TestImage image = TestImage.single(AMD64, "signed");
    RegistryClient client = client("client/referrers");
    image.push(client, "v1");
    byte[] empty = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Descriptor emptyConfig =
        Descriptor.of(MediaTypes.OCI_EMPTY, Digest.sha256(empty), empty.length);
    client.pushBlob(emptyConfig, BlobSource.ofBytes(empty), Optional.empty());
    ImageManifest signature =
        new ImageManifest(
            2,
            MediaTypes.OCI_MANIFEST,
            "application/vnd.example.signature",
            emptyConfig,
            List.of(emptyConfig),
            image.descriptor(),
            Map.of());
    byte[] signatureBytes = OciJson.write(signature);
    Digest signatureDigest =
        client.pushManifest(
            signatureBytes, MediaTypes.OCI_MANIFEST, Digest.sha256(signatureBytes).toString());
    Descriptor referrer =
        Descriptor.of(MediaTypes.OCI_MANIFEST, signatureDigest, signatureBytes.length)
            .withArtifactType("application/vnd.example.signature");
    byte[] fallback = OciJson.write(ImageIndex.oci(List.of(referrer), Map.of()));

    List<Descriptor> before = client.listReferrers(image.digest());
    client.pushManifest(fallback, MediaTypes.OCI_INDEX, image.digest().tagForm());
    List<Descriptor> after = client.listReferrers(image.digest());

    assertThat(before).isEmpty();
    assertThat(after).containsExactly(referrer);
  }

  @Test
  void missingManifestNamesRepositoryAndOperation() throws Exception {
    RegistryClient client = client("client/missing");

    assertThatThrownBy(() -> client.pullManifest("nope"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "pull manifest of tag nope on "
                + server.host()
                + "/client/missing failed (HTTP 404): not found (MANIFEST_UNKNOWN: manifest unknown)")
        .extracting(e -> ((RegistryException) e).reason())
        .isEqualTo(RegistryException.Reason.NOT_FOUND);
  }

  private static RegistryTransport transportOf(RegistryClient client) throws Exception {
    java.lang.reflect.Field field = RegistryClient.class.getDeclaredField("transport");
    field.setAccessible(true);
    return (RegistryTransport) field.get(client);
  }
}
