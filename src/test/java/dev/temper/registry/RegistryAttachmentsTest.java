package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.oci.Descriptor;
import dev.temper.oci.OciJson;
import dev.temper.oci.Platform;
import dev.temper.sbom.ImageSubject;
import dev.temper.sbom.Inventory;
import dev.temper.sbom.SbomAttachment;
import dev.temper.sbom.SbomFormat;
import dev.temper.sign.ImageSigning;
import dev.temper.sign.KeyFiles;
import dev.temper.sign.SignTarget;
import dev.temper.sign.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures and referrers that go along with an image on {@code push --attachments} and {@code
 * pull --attachments}, against Debian's docker-registry on loopback, which offers no referrers API,
 * so referrers travel through the {@code sha256-<hex>} tag of the fallback scheme.
 */
class RegistryAttachmentsTest {
  private static final Platform AMD64 = new Platform("linux", "amd64", null);
  private static final String BUNDLE_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

  @TempDir static Path shared;
  private static DistributionServer server;
  private static Registries registries;
  private static SigningKey key;
  private static SigningKey otherKey;
  private static Path publicKey;
  private static Path otherPublicKey;

  @TempDir Path temp;

  @BeforeAll
  static void start() throws Exception {
    server =
        DistributionServer.start(shared.resolve("registry"), DistributionServer.Options.open());
    registries =
        new Registries(
            RegistrySettings.defaults(), CredentialSource.ANONYMOUS, DownloadListener.NONE);
    SecureRandom random = new SecureRandom();
    key = SigningKey.generate(random);
    otherKey = SigningKey.generate(random);
    char[] password = "attachments".toCharArray();
    publicKey = KeyFiles.writeKeyPair(shared.resolve("cosign"), key, password, random)[1];
    otherPublicKey = KeyFiles.writeKeyPair(shared.resolve("other"), otherKey, password, random)[1];
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void pushCarriesSignatureAndReferrer() throws Exception {
    TestImage image = TestImage.single(AMD64, "signed in a layout");
    String layout = signedLayout(image, key);
    String ref = ref("att/pushed:v1");

    RegistryCommandsTest.Run push =
        RegistryCommandsTest.temper("push", "--attachments", layout, ref);
    RegistryCommandsTest.Run again =
        RegistryCommandsTest.temper("push", "--attachments", layout, ref);
    RegistryCommandsTest.Run verify = verify(publicKey, ref);
    List<Descriptor> referrers = client("att/pushed").listReferrers(image.digest());

    assertThat(push.exitCode()).as(push.err()).isZero();
    assertThat(push.err())
        .contains(
            "Copied attachments: 1 signature or attestation manifest, 1 referrer, 0 already"
                + " present");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err())
        .contains(
            "Copied attachments: 0 signature or attestation manifests, 0 referrers, 2 already"
                + " present");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(referrers).extracting(Descriptor::artifactType).containsExactly(BUNDLE_TYPE);
  }

  @Test
  void auditFindsAttachmentsInRegistry() throws Exception {
    TestImage image = TestImage.single(AMD64, "audited in a registry");
    String layout = signedLayout(image, key);
    Path directory = temp.resolve("layout-" + image.digest().hex().substring(0, 12));
    Inventory inventory =
        new Inventory(
            new ImageSubject(layout, image.digest().toString(), null, null),
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of());
    SbomAttachment.attach(directory, image.descriptor(), inventory, SbomFormat.CYCLONEDX_JSON);
    RegistryCommandsTest.temper("push", "--attachments", layout, ref("att/audited:v1"));
    RegistryCommandsTest.temper("push", layout, ref("att/bare:v1"));

    RegistryCommandsTest.Run audited = RegistryCommandsTest.temper("audit", ref("att/audited:v1"));
    RegistryCommandsTest.Run bare = RegistryCommandsTest.temper("audit", ref("att/bare:v1"));

    assertThat(audited.out()).as(audited.err()).contains("PASS  TA011 An SBOM is attached");
    assertThat(audited.out()).contains("PASS  TA012 A signature is attached");
    assertThat(bare.out()).as(bare.err()).contains("WARN  TA011 An SBOM is attached");
    assertThat(bare.out()).contains("WARN  TA012 A signature is attached");
  }

  @Test
  void pushWithoutFlagCopiesImageOnly() throws Exception {
    TestImage image = TestImage.single(AMD64, "image only");
    String layout = signedLayout(image, key);
    String ref = ref("att/plain:v1");

    RegistryCommandsTest.Run push = RegistryCommandsTest.temper("push", layout, ref);
    RegistryCommandsTest.Run verify = verify(publicKey, ref);

    assertThat(push.exitCode()).as(push.err()).isZero();
    assertThat(push.err()).doesNotContain("referrers");
    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(client("att/plain").listReferrers(image.digest())).isEmpty();
  }

  @Test
  void copiedSignaturesJoinExistingOnes() throws Exception {
    TestImage image = TestImage.single(AMD64, "two signers");
    String layout = signedLayout(image, key);
    String ref = ref("att/merged:v1");
    image.push(client("att/merged"), "v1");
    sign(SignTarget.open(ref, registries, cache()), otherKey);

    RegistryCommandsTest.Run push =
        RegistryCommandsTest.temper("push", "--attachments", layout, ref);
    RegistryCommandsTest.Run again =
        RegistryCommandsTest.temper("push", "--attachments", layout, ref);
    RegistryCommandsTest.Run first = verify(publicKey, ref);
    RegistryCommandsTest.Run second = verify(otherPublicKey, ref);

    assertThat(push.exitCode()).as(push.err()).isZero();
    assertThat(push.err())
        .contains(
            "Copied attachments: 1 signature or attestation manifest, 1 referrer, 0 already"
                + " present");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err())
        .contains(
            "Copied attachments: 0 signature or attestation manifests, 0 referrers, 2 already"
                + " present");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
  }

  @Test
  void pullCarriesAttachmentsIntoLayout() throws Exception {
    TestImage image = TestImage.single(AMD64, "pulled with signatures");
    String ref = ref("att/pulled:v1");
    RegistryCommandsTest.temper("push", "--attachments", signedLayout(image, key), ref);
    Path pulled = temp.resolve("pulled");

    RegistryCommandsTest.Run pull =
        RegistryCommandsTest.temper("pull", "--attachments", ref, "oci:" + pulled);
    RegistryCommandsTest.Run verify = verify(publicKey, "oci:" + pulled + ":v1");

    assertThat(pull.exitCode()).as(pull.err()).isZero();
    assertThat(pull.err())
        .contains(
            "Copied attachments: 1 signature or attestation manifest, 1 referrer, 0 already"
                + " present");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
  }

  @Test
  void listedReferrerOfOtherImageIsSkipped() throws Exception {
    TestImage image = TestImage.single(AMD64, "listed with a stranger");
    TestImage stranger = TestImage.single(AMD64, "not a referrer");
    RegistryClient client = client("att/stranger");
    image.push(client, "v1");
    stranger.push(client, "other");
    // The fallback tag of the image lists a manifest that has no subject at all.
    String index =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"digest\":\""
            + stranger.digest()
            + "\",\"size\":"
            + stranger.root().length
            + ",\"artifactType\":\"application/vnd.example\"}]}";
    client.pushManifest(
        index.getBytes(StandardCharsets.UTF_8),
        "application/vnd.oci.image.index.v1+json",
        image.digest().tagForm());
    Path pulled = temp.resolve("pulled");

    RegistryCommandsTest.Run pull =
        RegistryCommandsTest.temper(
            "pull", "--attachments", ref("att/stranger:v1"), "oci:" + pulled);

    assertThat(pull.exitCode()).as(pull.err()).isZero();
    assertThat(pull.err())
        .contains("0 signature or attestation manifests, 0 referrers, 0 already present");
    assertThat(Files.exists(pulled.resolve("blobs/sha256/" + stranger.digest().hex()))).isFalse();
  }

  @Test
  void failedAttachmentsPrintNoDigest() throws Exception {
    TestImage image = TestImage.single(AMD64, "signature layer lost");
    String layout = signedLayout(image, key);
    Path directory = Path.of(layout.substring("oci:".length(), layout.lastIndexOf(':')));
    SignTarget signed = SignTarget.openLayout(layout);
    String sigManifest =
        signed.store().resolveTag(image.digest().tagForm() + ".sig").orElseThrow().digest();
    String layer =
        OciJson.mapper()
            .readTree(signed.store().readManifest(sigManifest, 1 << 20).orElseThrow())
            .path("layers")
            .path(0)
            .path("digest")
            .asText();
    Files.delete(directory.resolve("blobs/sha256/" + layer.substring(7)));

    RegistryCommandsTest.Run push =
        RegistryCommandsTest.temper("push", "--attachments", layout, ref("att/lost:v1"));

    assertThat(push.exitCode()).isEqualTo(3);
    assertThat(push.out()).isEmpty();
    assertThat(push.err())
        .contains("The image is at " + ref("att/lost:v1"))
        .contains("copying its attachments failed")
        .contains(layer);
  }

  @Test
  void archiveTargetRejectsAttachments() throws Exception {
    TestImage image = TestImage.single(AMD64, "to an archive");
    String layout = signedLayout(image, key);
    Path archive = temp.resolve("image.tar");

    RegistryCommandsTest.Run copy =
        RegistryCommandsTest.temper("copy", "--attachments", layout, "docker-archive:" + archive);

    assertThat(copy.exitCode()).isEqualTo(3);
    assertThat(copy.err()).contains("--attachments needs oci: layouts or registry images");
    assertThat(archive).doesNotExist();
  }

  /** Writes the image to a new layout and signs it there, with a bundle referrer. */
  private String signedLayout(TestImage image, SigningKey signer) throws Exception {
    Path layout = temp.resolve("layout-" + image.digest().hex().substring(0, 12));
    image.writeLayout(layout, "v1");
    String name = "oci:" + layout + ":v1";
    sign(SignTarget.openLayout(name), signer);
    return name;
  }

  private static void sign(SignTarget target, SigningKey signer) throws Exception {
    ImageSigning.sign(target, target.defaultReference(), Map.of(), signer, false, true);
  }

  private ContentCache cache() {
    return new ContentCache(temp.resolve("cache"), Clock.systemUTC());
  }

  private static RegistryCommandsTest.Run verify(Path publicKeyFile, String ref) {
    return RegistryCommandsTest.temper("verify", "--key", publicKeyFile.toString(), ref);
  }

  private static RegistryClient client(String repository) throws Exception {
    return registries.open(new Repository(server.host(), repository));
  }

  private static String ref(String repositoryAndTag) {
    return server.host() + "/" + repositoryAndTag;
  }
}
