package dev.temper.sign;

import static dev.temper.sign.KeyFilesTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.InvalidInputException;
import dev.temper.sign.VerificationReport.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureVerifierTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final SigningKey KEY = SigningKey.generate(RANDOM);
  private static final SigningKey OTHER_KEY = SigningKey.generate(RANDOM);

  @TempDir Path layout;
  private ArtifactStore store;
  private String image;

  @BeforeEach
  void writeImage() throws Exception {
    store = ArtifactStore.ociLayout(layout);
    byte[] manifest = "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
    image = store.writeManifest(manifest, CosignManifests.MANIFEST_MEDIA_TYPE, "latest").digest();
  }

  @Test
  void signedImageVerifies() throws Exception {
    CosignImages.sign(store, image, "example/app", Map.of("team", "platform"), KEY);

    VerificationReport report = verify(KEY);

    assertThat(report.failures()).isEmpty();
    assertThat(report.verified()).hasSize(1);
    assertThat(report.verified().get(0).dockerReference()).isEqualTo("example/app");
    assertThat(report.verified().get(0).annotations()).containsEntry("team", "platform");
    assertThat(store.resolveTag("sha256-" + image.substring(7) + ".sig")).isPresent();
  }

  @Test
  void secondSignatureAddsLayer() throws Exception {
    CosignImages.sign(store, image, "example/app", Map.of(), KEY);
    CosignImages.sign(store, image, "example/app", Map.of(), OTHER_KEY);

    VerificationReport report = verify(KEY);

    assertThat(CosignImages.signatures(store, image)).hasSize(2);
    assertThat(report.verified()).hasSize(1);
    assertThat(report.failures())
        .extracting(VerificationReport.Failure::reason)
        .containsExactly(Reason.BAD_SIGNATURE);
  }

  @Test
  void wrongKeyIsReported() throws Exception {
    CosignImages.sign(store, image, "example/app", Map.of(), OTHER_KEY);

    VerificationReport report = verify(KEY);

    assertThat(report.anyVerified()).isFalse();
    assertThat(report.failures().get(0).message())
        .isEqualTo(
            "sha256-"
                + image.substring(7)
                + ".sig layer 1: not verified: signature does"
                + " not verify with the given key (another key made it, or the signed content was"
                + " altered)");
  }

  @Test
  void payloadForOtherImageIsRejected() throws Exception {
    String other = "sha256:" + "ab".repeat(32);
    byte[] payload = SimpleSigning.of("example/app", other, Map.of()).toJson();
    attachRaw(payload, KEY.sign(payload), SimpleSigning.MEDIA_TYPE);

    VerificationReport report = verify(KEY);

    assertThat(report.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.reason()).isEqualTo(Reason.OTHER_IMAGE);
              assertThat(failure.detail())
                  .isEqualTo("the payload signs " + other + ", not " + image);
            });
  }

  @Test
  void wrongTypeIsRejected() throws Exception {
    byte[] payload = new SimpleSigning("example/app", image, "something else", Map.of()).toJson();
    attachRaw(payload, KEY.sign(payload), SimpleSigning.MEDIA_TYPE);

    VerificationReport report = verify(KEY);

    assertThat(report.failures())
        .singleElement()
        .extracting(VerificationReport.Failure::reason)
        .isEqualTo(Reason.WRONG_TYPE);
  }

  @Test
  void rawSignatureEncodingVerifies() throws Exception {
    byte[] payload = SimpleSigning.of("example/app", image, Map.of()).toJson();
    java.security.Signature raw =
        java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
    raw.initSign(KEY.privateKey());
    raw.update(payload);
    attachRaw(payload, raw.sign(), SimpleSigning.MEDIA_TYPE);

    assertThat(verify(KEY).verified()).hasSize(1);
  }

  @Test
  void alteredLayerBlobIsReportedNotTrusted() throws Exception {
    CosignImages.sign(store, image, "example/app", Map.of(), KEY);
    SignatureLayer layer = CosignImages.signatures(store, image).get(0);
    Path blob = layout.resolve("blobs/sha256/" + layer.descriptor().digest().substring(7));
    Files.writeString(blob, "{}");

    VerificationReport report = verify(KEY);

    assertThat(report.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.reason()).isEqualTo(Reason.MISSING_CONTENT);
              assertThat(failure.detail()).contains("SHA-256 mismatch");
            });
  }

  @Test
  void tenThousandLayersAreRejected() throws Exception {
    ObjectNode manifest = Json.MAPPER.createObjectNode();
    manifest.put("schemaVersion", 2);
    ArrayNode layers = manifest.putArray("layers");
    for (int i = 0; i < 10_000; i++) {
      layers
          .addObject()
          .put("mediaType", SimpleSigning.MEDIA_TYPE)
          .put("digest", "sha256:" + "0".repeat(64))
          .put("size", 1);
    }
    String tag = "sha256-" + image.substring(7) + ".sig";
    store.writeManifest(Json.bytes(manifest), CosignManifests.MANIFEST_MEDIA_TYPE, tag);

    assertThatThrownBy(() -> CosignImages.signatures(store, image))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(tag + ": manifest has 10000 layers, the maximum is 1000");
  }

  @Test
  void attestationVerifiesAndFiltersByType() throws Exception {
    var predicate =
        Json.parse("{\"bomFormat\":\"CycloneDX\"}".getBytes(StandardCharsets.UTF_8), "p");
    InTotoStatement statement =
        new InTotoStatement(
            "example/app", image.substring(7), "https://cyclonedx.org/bom", predicate);
    CosignImages.attest(store, image, statement, KEY);
    List<SignatureLayer> layers = CosignImages.attestations(store, image);

    VerificationReport any =
        SignatureVerifier.verifyAttestations(
            layers, KEY.verificationKey(), image, Optional.empty());
    VerificationReport spdx =
        SignatureVerifier.verifyAttestations(
            layers, KEY.verificationKey(), image, Optional.of("https://spdx.dev/Document"));

    assertThat(layers.get(0).descriptor().annotations())
        .containsEntry("predicateType", "https://cyclonedx.org/bom")
        .containsEntry("dev.cosignproject.cosign/signature", "");
    assertThat(any.verified())
        .singleElement()
        .extracting(VerificationReport.Claim::predicateType)
        .isEqualTo("https://cyclonedx.org/bom");
    assertThat(spdx.failures())
        .singleElement()
        .extracting(VerificationReport.Failure::reason)
        .isEqualTo(Reason.OTHER_PREDICATE_TYPE);
  }

  @Test
  void attestationForOtherSubjectIsRejected() throws Exception {
    var predicate = Json.parse("{}".getBytes(StandardCharsets.UTF_8), "p");
    InTotoStatement statement =
        new InTotoStatement(
            "example/app", "cd".repeat(32), "https://slsa.dev/provenance/v1", predicate);
    CosignImages.attest(store, image, statement, KEY);

    VerificationReport report =
        SignatureVerifier.verifyAttestations(
            CosignImages.attestations(store, image),
            KEY.verificationKey(),
            image,
            Optional.empty());

    assertThat(report.failures())
        .singleElement()
        .extracting(VerificationReport.Failure::reason)
        .isEqualTo(Reason.OTHER_IMAGE);
  }

  @Test
  void dssePayloadTypeMustBeInToto() throws Exception {
    VerificationKey key = KeyFiles.parsePublicKey(resource("sigstore-js-dsse.pub"), "pub");
    SigstoreBundle bundle = SigstoreBundle.parse(resource("sigstore-js-dsse-bundle.json"));

    VerificationReport report =
        SignatureVerifier.verifyBundle(
            "fixture", bundle, Optional.empty(), key, image, Optional.empty());

    assertThat(report.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.reason()).isEqualTo(Reason.NOT_IN_TOTO);
              assertThat(failure.detail())
                  .isEqualTo(
                      "DSSE payload type is 'text/plain', expected 'application/vnd.in-toto+json'");
            });
  }

  @Test
  void bundleWithCertificateIsKeyless() throws Exception {
    String json =
        new String(resource("sigstore-js-dsse-bundle.json"), StandardCharsets.UTF_8)
            .replace("\"publicKey\": {", "\"certificate\": {\"rawBytes\": \"AA==\"}, \"x\": {");
    SigstoreBundle bundle = SigstoreBundle.parse(json.getBytes(StandardCharsets.UTF_8));

    VerificationReport report =
        SignatureVerifier.verifyBundle(
            "b.json", bundle, Optional.empty(), KEY.verificationKey(), image, Optional.empty());

    assertThat(report.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.reason()).isEqualTo(Reason.KEYLESS);
              assertThat(failure.message()).startsWith("b.json: not verified: keyless");
            });
  }

  @Test
  void messageBundleVerifiesWithPayload() throws Exception {
    CosignImages.Attached attached = CosignImages.sign(store, image, "example/app", Map.of(), KEY);
    byte[] payload = CosignImages.signatures(store, image).get(0).content().orElseThrow();

    VerificationReport good =
        SignatureVerifier.verifyBundle(
            "b",
            attached.bundle(),
            Optional.of(payload),
            KEY.verificationKey(),
            image,
            Optional.empty());
    VerificationReport other =
        SignatureVerifier.verifyBundle(
            "b",
            attached.bundle(),
            Optional.of(payload),
            OTHER_KEY.verificationKey(),
            image,
            Optional.empty());
    VerificationReport missing =
        SignatureVerifier.verifyBundle(
            "b",
            attached.bundle(),
            Optional.empty(),
            KEY.verificationKey(),
            image,
            Optional.empty());

    assertThat(good.verified()).hasSize(1);
    assertThat(other.failures())
        .singleElement()
        .extracting(VerificationReport.Failure::reason)
        .isEqualTo(Reason.WRONG_KEY);
    assertThat(missing.failures())
        .singleElement()
        .extracting(VerificationReport.Failure::reason)
        .isEqualTo(Reason.MISSING_CONTENT);
  }

  @Test
  void layerWithoutSignatureAnnotationIsMalformed() throws Exception {
    byte[] payload = SimpleSigning.of("example/app", image, Map.of()).toJson();
    attachRaw(payload, new byte[0], SimpleSigning.MEDIA_TYPE);

    assertThat(verify(KEY).failures())
        .singleElement()
        .extracting(VerificationReport.Failure::reason)
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void digestWithPathIsRejectedByStore() {
    assertThatThrownBy(() -> store.readBlob("sha256:../../etc/passwd", 10))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "invalid digest 'sha256:../../etc/passwd': expected sha256: and 64 lowercase"
                + " hex digits");
  }

  private VerificationReport verify(SigningKey key) throws Exception {
    return SignatureVerifier.verifySignatures(
        CosignImages.signatures(store, image), key.verificationKey(), image);
  }

  private void attachRaw(byte[] payload, byte[] signature, String mediaType) throws Exception {
    String digest = store.writeBlob(payload);
    Map<String, String> annotations =
        signature.length == 0
            ? Map.of()
            : Map.of(
                CosignManifests.SIGNATURE_ANNOTATION,
                Base64.getEncoder().encodeToString(signature));
    CosignManifests.Blobs built =
        CosignManifests.build(
            List.of(new BlobDescriptor(mediaType, digest, payload.length, annotations)));
    store.writeBlob(built.config());
    store.writeManifest(
        built.manifest(), CosignManifests.MANIFEST_MEDIA_TYPE, CosignManifests.tag(image, "sig"));
  }
}
