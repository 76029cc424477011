package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.Platform;
import dev.temper.oci.testing.Tools;
import dev.temper.sign.ImageSigning;
import dev.temper.sign.KeyFiles;
import dev.temper.sign.NodeScripts;
import dev.temper.sign.SignTarget;
import dev.temper.sign.SigningKey;
import dev.temper.testing.ProcessRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signs and verifies images on the real distribution registry (Debian's docker-registry 2.8, which
 * has no referrers API, so referrers go through the tag fallback), with skopeo and sigstore-js as
 * independent readers of what temper stored.
 */
class RegistrySigningTest {
  private static final Platform AMD64 = new Platform("linux", "amd64", null);
  private static final Platform ARM64 = new Platform("linux", "arm64", "v8");
  private static final String PASSWORD = "registry signing";
  private static final String SIMPLE_SIGNING = "application/vnd.dev.cosign.simplesigning.v1+json";
  private static final int POLICY_FAILED = 1;
  private static final int NETWORK_FAILURE = 4;
  private static final String COSIGN_ANNOTATION = "dev.cosignproject.cosign/signature";

  @TempDir static Path shared;
  private static DistributionServer server;
  private static Registries registries;
  private static SigningKey key;
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
    Path[] written =
        KeyFiles.writeKeyPair(shared.resolve("cosign"), key, PASSWORD.toCharArray(), random);
    publicKey = written[1];
    otherPublicKey =
        KeyFiles.writeKeyPair(
            shared.resolve("other"), SigningKey.generate(random), PASSWORD.toCharArray(), random)[
            1];
    NodeScripts.install();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void signedImageVerifies() throws Exception {
    TestImage image = push("sig/app", "v1", "signed");
    String ref = ref("sig/app:v1");

    ProcessRun sign = temperWithPassword("sign", "--key", keyFile(), "--bundle", "b.json", ref);
    RegistryCommandsTest.Run verify = verify(publicKey, ref);
    RegistryCommandsTest.Run byDigest =
        verify(publicKey, "docker://" + ref("sig/app@" + image.digest()));

    assertThat(sign.requireSuccess().stdout())
        .startsWith("Signed " + image.digest() + " as " + image.digest().tagForm() + ".sig");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("\"docker-reference\":\"" + ref("sig/app") + "\"");
    assertThat(verify.out()).contains("\"docker-manifest-digest\":\"" + image.digest() + "\"");
    assertThat(verify.err()).contains("Verified 2 of 2 signatures for " + image.digest());
    assertThat(byDigest.exitCode()).as(byDigest.err()).isZero();
  }

  @Test
  void wrongKeyNamesTheReason() throws Exception {
    push("sig/wrong-key", "v1", "wrong key");
    String ref = ref("sig/wrong-key:v1");
    signWithLibrary(ref, false, true);

    RegistryCommandsTest.Run verify = verify(otherPublicKey, ref);

    assertThat(verify.exitCode()).isEqualTo(POLICY_FAILED);
    assertThat(verify.out()).isEmpty();
    assertThat(verify.err()).contains(".sig layer 1: not verified: signature does not verify");
    assertThat(verify.err()).contains("(reason: bad-signature)");
    assertThat(verify.err()).contains("it names another key").contains("(reason: wrong-key)");
    assertThat(verify.err()).contains("no valid signature found for ").contains("(2 checked)");
  }

  @Test
  void tamperedImageFailsOnTheDigest() throws Exception {
    TestImage original = push("sig/tampered", "v1", "original");
    String ref = ref("sig/tampered:v1");
    signWithLibrary(ref, false, false);
    RegistryClient client = client("sig/tampered");
    byte[] signatures = client.pullManifest(original.digest().tagForm() + ".sig").bytes();

    // An attacker moves the tag and copies the old signature to the new image's .sig tag.
    TestImage other = TestImage.single(AMD64, "replaced");
    other.push(client, "v1");
    client.pushManifest(signatures, MediaTypes.OCI_MANIFEST, other.digest().tagForm() + ".sig");
    RegistryCommandsTest.Run verify = verify(publicKey, ref);

    assertThat(verify.exitCode()).isEqualTo(POLICY_FAILED);
    assertThat(verify.err())
        .contains("the payload signs " + original.digest() + ", not " + other.digest())
        .contains("(reason: other-image)");
  }

  @Test
  void movedTagWithoutSignatureFindsNone() throws Exception {
    push("sig/moved", "v1", "first");
    String ref = ref("sig/moved:v1");
    signWithLibrary(ref, false, true);
    TestImage other = push("sig/moved", "v1", "second");

    RegistryCommandsTest.Run verify = verify(publicKey, ref);

    assertThat(verify.exitCode()).isEqualTo(POLICY_FAILED);
    assertThat(verify.err())
        .contains(
            "no signature found for " + other.digest() + ", neither by tag nor as a referrer");
  }

  @Test
  void sigTagReadsInSkopeo() throws Exception {
    TestImage image = push("sig/skopeo", "v1", "for skopeo");
    signWithLibrary(ref("sig/skopeo:v1"), false, false);

    String raw =
        Tools.run(
            "skopeo",
            "inspect",
            "--tls-verify=false",
            "--raw",
            "docker://" + ref("sig/skopeo:" + image.digest().tagForm() + ".sig"));
    JsonNode manifest = OciJson.mapper().readTree(raw);
    JsonNode layer = manifest.path("layers").get(0);

    assertThat(manifest.path("mediaType").asText()).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(manifest.path("layers").size()).isEqualTo(1);
    assertThat(layer.path("mediaType").asText()).isEqualTo(SIMPLE_SIGNING);
    byte[] signature =
        Base64.getDecoder().decode(layer.path("annotations").path(COSIGN_ANNOTATION).asText());
    assertThat(signature).isNotEmpty();
  }

  @Test
  void bundleReferrerVerifiesInSigstoreJs() throws Exception {
    TestImage image = push("sig/bundle", "v1", "bundled");
    signWithLibrary(ref("sig/bundle:v1"), false, true);
    RegistryClient client = client("sig/bundle");

    List<Descriptor> referrers = client.listReferrers(image.digest());
    ImageIndex fallback =
        OciJson.read(
            client.pullManifest(image.digest().tagForm()).bytes(), ImageIndex.class, "fallback");
    Descriptor referrer = referrers.get(0);
    JsonNode manifest =
        OciJson.mapper().readTree(client.pullManifest(referrer.digest().toString()).bytes());
    Path bundle = blob(client, manifest.path("layers").get(0), "bundle.json");
    JsonNode signatures =
        OciJson.mapper().readTree(client.pullManifest(image.digest().tagForm() + ".sig").bytes());
    Path payload = blob(client, signatures.path("layers").get(0), "payload.json");
    ProcessRun node = NodeScripts.verifyBundle(temp, bundle, publicKey, payload);
    ProcessRun otherKey = NodeScripts.verifyBundle(temp, bundle, otherPublicKey, payload);

    assertThat(referrers).hasSize(1);
    assertThat(fallback.manifests())
        .extracting(Descriptor::digest)
        .containsExactly(referrer.digest());
    assertThat(referrer.artifactType()).isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
    assertThat(manifest.path("subject").path("digest").asText())
        .isEqualTo(image.digest().toString());
    assertThat(node.requireSuccess().stdout()).isEqualTo("verified\n");
    assertThat(otherKey.exitCode()).isEqualTo(1);
  }

  @Test
  void recursiveSignCoversEveryPlatform() throws Exception {
    TestImage amd64 = TestImage.single(AMD64, "amd64 image");
    TestImage arm64 = TestImage.single(ARM64, "arm64 image");
    TestImage index = TestImage.index(List.of(amd64, arm64), List.of(AMD64, ARM64));
    index.push(client("sig/index"), "v1");
    String ref = ref("sig/index:v1");

    ProcessRun sign = temperWithPassword("sign", "--key", keyFile(), "--recursive", ref);
    RegistryCommandsTest.Run top = verify(publicKey, ref);
    RegistryCommandsTest.Run first = verify(publicKey, ref("sig/index@" + amd64.digest()));
    RegistryCommandsTest.Run second = verify(publicKey, ref("sig/index@" + arm64.digest()));

    assertThat(sign.requireSuccess().stdout().lines())
        .containsExactly(
            "Signed " + index.digest() + " as " + index.digest().tagForm() + ".sig",
            "Signed " + amd64.digest() + " as " + amd64.digest().tagForm() + ".sig",
            "Signed " + arm64.digest() + " as " + arm64.digest().tagForm() + ".sig");
    assertThat(top.exitCode()).as(top.err()).isZero();
    assertThat(top.out()).contains(index.digest().toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains(amd64.digest().toString());
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains(arm64.digest().toString());
  }

  @Test
  void indexSignedAloneLeavesPlatformsUnsigned() throws Exception {
    TestImage amd64 = TestImage.single(AMD64, "amd64 only index");
    TestImage index = TestImage.index(List.of(amd64), List.of(AMD64));
    index.push(client("sig/index-top"), "v1");
    signWithLibrary(ref("sig/index-top:v1"), false, false);

    RegistryCommandsTest.Run platform = verify(publicKey, ref("sig/index-top@" + amd64.digest()));

    assertThat(platform.exitCode()).isEqualTo(POLICY_FAILED);
    assertThat(platform.err()).contains("no signature found for " + amd64.digest());
  }

  @Test
  void attestationVerifiesByTagAndReferrer() throws Exception {
    TestImage image = push("sig/attested", "v1", "attested");
    Path predicate = Files.writeString(temp.resolve("bom.json"), "{\"bomFormat\":\"CycloneDX\"}");
    String ref = ref("sig/attested:v1");

    ProcessRun attest =
        temperWithPassword(
            "attest",
            "--key",
            keyFile(),
            "--type",
            "cyclonedx",
            "--predicate",
            predicate.toString(),
            "--bundle",
            "att.json",
            ref);
    RegistryCommandsTest.Run verify =
        RegistryCommandsTest.temper(
            "verify-attestation", "--key", publicKey.toString(), "--type", "cyclonedx", ref);
    RegistryCommandsTest.Run spdx =
        RegistryCommandsTest.temper(
            "verify-attestation", "--key", publicKey.toString(), "--type", "spdx", ref);

    assertThat(attest.requireSuccess().stdout())
        .startsWith("Attested " + image.digest() + " (https://cyclonedx.org/bom) as ");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.err()).contains("Verified 2 of 2 attestations for " + image.digest());
    assertThat(verify.out()).contains("\"bomFormat\":\"CycloneDX\"");
    assertThat(spdx.exitCode()).isEqualTo(POLICY_FAILED);
    assertThat(spdx.err()).contains("(reason: other-predicate-type)");
  }

  @Test
  void tenThousandLayerSignatureIsRejected() throws Exception {
    TestImage image = push("sig/many-layers", "v1", "many layers");
    RegistryClient client = client("sig/many-layers");
    byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
    Descriptor blob = Descriptor.of(SIMPLE_SIGNING, Digest.sha256(payload), payload.length);
    client.pushBlob(blob, BlobSource.ofBytes(payload), Optional.empty());
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
    Descriptor configBlob =
        Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256(config), config.length);
    client.pushBlob(configBlob, BlobSource.ofBytes(config), Optional.empty());
    List<Descriptor> layers = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      layers.add(blob.withAnnotations(Map.of(COSIGN_ANNOTATION, "AAAA")));
    }
    byte[] manifest = OciJson.write(dev.temper.oci.ImageManifest.oci(configBlob, layers, Map.of()));
    client.pushManifest(manifest, MediaTypes.OCI_MANIFEST, image.digest().tagForm() + ".sig");

    RegistryCommandsTest.Run verify = verify(publicKey, ref("sig/many-layers:v1"));

    assertThat(verify.exitCode()).isEqualTo(POLICY_FAILED);
    assertThat(verify.err())
        .contains("manifest has 10000 layers, the maximum is 1000")
        .contains("(reason: malformed)");
  }

  @Test
  void garbageSigTagNamesTheReason() throws Exception {
    TestImage image = push("sig/garbage", "v1", "garbage");
    RegistryClient client = client("sig/garbage");
    // The .sig tag names an index, not a signature manifest.
    byte[] index = OciJson.write(ImageIndex.oci(List.of(image.descriptor()), Map.of()));
    client.pushManifest(index, MediaTypes.OCI_INDEX, image.digest().tagForm() + ".sig");
    // And a second image's .sig tag names a manifest whose layer is random bytes.
    TestImage second = push("sig/garbage", "v2", "garbage layer");
    byte[] junk = new byte[512];
    new SecureRandom().nextBytes(junk);
    Descriptor junkLayer = Descriptor.of(SIMPLE_SIGNING, Digest.sha256(junk), junk.length);
    client.pushBlob(junkLayer, BlobSource.ofBytes(junk), Optional.empty());
    byte[] manifest =
        OciJson.write(
            dev.temper.oci.ImageManifest.oci(
                image.config(),
                List.of(junkLayer.withAnnotations(Map.of(COSIGN_ANNOTATION, "%%not base64%%"))),
                Map.of()));
    client.pushManifest(manifest, MediaTypes.OCI_MANIFEST, second.digest().tagForm() + ".sig");

    RegistryCommandsTest.Run first = verify(publicKey, ref("sig/garbage:v1"));
    RegistryCommandsTest.Run other = verify(publicKey, ref("sig/garbage:v2"));

    assertThat(first.exitCode()).isEqualTo(POLICY_FAILED);
    assertThat(first.err())
        .contains(image.digest().tagForm() + ".sig: not verified: ")
        .contains("manifest has no layers array")
        .contains("(reason: malformed)");
    assertThat(other.exitCode()).isEqualTo(POLICY_FAILED);
    assertThat(other.err())
        .contains("signature annotation is not valid base64")
        .contains("(reason: malformed)");
  }

  @Test
  void basicAuthRegistrySignsAndVerifies() throws Exception {
    TestCertificates.ServerTls tls = TestCertificates.serverTls(temp.resolve("tls"));
    Path htpasswd = TestCertificates.htpasswd(temp, "signer", "s3cret");
    DistributionServer.Options options =
        DistributionServer.Options.open()
            .withTls(tls.serverCertificate(), tls.serverKey())
            .withHtpasswd(htpasswd);
    try (DistributionServer secured = DistributionServer.start(temp.resolve("registry"), options)) {
      RegistryClient client =
          new Registries(
                  RegistrySettings.defaults().withCaFile(tls.caCertificate()),
                  CredentialSource.fixed(Credentials.basic("signer", "s3cret")),
                  DownloadListener.NONE)
              .open(new Repository(secured.host(), "auth/signed"));
      TestImage image = TestImage.single(AMD64, "behind basic auth");
      image.push(client, "v1");
      String auth =
          Base64.getEncoder().encodeToString("signer:s3cret".getBytes(StandardCharsets.UTF_8));
      Path authFile = temp.resolve("auth.json");
      Files.writeString(
          authFile, "{\"auths\":{\"" + secured.host() + "\":{\"auth\":\"" + auth + "\"}}}");
      String ref = secured.host() + "/auth/signed:v1";
      String ca = tls.caCertificate().toString();

      ProcessRun sign =
          temperWithPassword(
              "sign",
              "--key",
              keyFile(),
              "--bundle",
              "b.json",
              "--ca-file",
              ca,
              "--authfile",
              authFile.toString(),
              ref);
      RegistryCommandsTest.Run verify =
          RegistryCommandsTest.temper(
              "verify",
              "--key",
              publicKey.toString(),
              "--ca-file",
              ca,
              "--authfile",
              authFile.toString(),
              ref);
      Path empty = Files.writeString(temp.resolve("empty.json"), "{\"auths\":{}}");
      RegistryCommandsTest.Run anonymous =
          RegistryCommandsTest.temper(
              "verify",
              "--key",
              publicKey.toString(),
              "--ca-file",
              ca,
              "--authfile",
              empty.toString(),
              ref);

      assertThat(sign.requireSuccess().stdout()).startsWith("Signed " + image.digest());
      assertThat(verify.exitCode()).as(verify.err()).isZero();
      assertThat(verify.err()).contains("Verified 2 of 2 signatures for " + image.digest());
      assertThat(anonymous.exitCode()).isEqualTo(NETWORK_FAILURE);
    }
  }

  private TestImage push(String repository, String tag, String content) throws Exception {
    TestImage image = TestImage.single(AMD64, content);
    image.push(client(repository), tag);
    return image;
  }

  private static RegistryClient client(String repository) throws Exception {
    return registries.open(new Repository(server.host(), repository));
  }

  private static String ref(String repositoryAndTag) {
    return server.host() + "/" + repositoryAndTag;
  }

  private static String keyFile() {
    return shared.resolve("cosign.key").toString();
  }

  private void signWithLibrary(String ref, boolean recursive, boolean withReferrers)
      throws Exception {
    ContentCache cache = new ContentCache(temp.resolve("cache"), Clock.systemUTC());
    SignTarget target = SignTarget.open(ref, registries, cache);
    ImageSigning.sign(target, target.defaultReference(), Map.of(), key, recursive, withReferrers);
  }

  private static RegistryCommandsTest.Run verify(Path key, String ref) {
    return RegistryCommandsTest.temper("verify", "--key", key.toString(), ref);
  }

  private Path blob(RegistryClient client, JsonNode descriptor, String name) throws Exception {
    Descriptor parsed = OciJson.mapper().treeToValue(descriptor, Descriptor.class);
    ContentCache cache = new ContentCache(temp.resolve("cache"), Clock.systemUTC());
    return Files.copy(client.pullBlob(parsed, cache), temp.resolve(name));
  }

  /** Runs temper in its own JVM, which reads COSIGN_PASSWORD from its environment. */
  private ProcessRun temperWithPassword(String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.temper.cli.Main"));
    command.addAll(List.of(arguments));
    return ProcessRun.run(
        temp, Map.of("COSIGN_PASSWORD", PASSWORD), List.of("COSIGN_PASSWORD"), command);
  }
}
