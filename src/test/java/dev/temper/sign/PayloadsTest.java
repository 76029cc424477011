package dev.temper.sign;

import static dev.temper.sign.KeyFilesTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadsTest {
  private static final String DIGEST =
      "sha256:0000000000000000000000000000000000000000000000000000000000000001";

  @Test
  void simpleSigningBytesAreCosignLayout() {
    byte[] payload = SimpleSigning.of("example/app", DIGEST, Map.of("b", "2", "a", "1")).toJson();

    assertThat(new String(payload, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"critical\":{\"identity\":{\"docker-reference\":\"example/app\"},"
                + "\"image\":{\"docker-manifest-digest\":\""
                + DIGEST
                + "\"},"
                + "\"type\":\"cosign container image signature\"},"
                + "\"optional\":{\"a\":\"1\",\"b\":\"2\"}}");
    // Expected digest computed with sha256sum over the same bytes.
    assertThat(Digests.of(payload))
        .isEqualTo("sha256:4f05421224c59523b74c2c382bec352ae1c5d9af00bffa274e7e62e25f5c7154");
  }

  @Test
  void simpleSigningWithoutAnnotationsHasNullOptional() throws Exception {
    byte[] payload = SimpleSigning.of("r", DIGEST, Map.of()).toJson();

    assertThat(new String(payload, StandardCharsets.UTF_8)).endsWith(",\"optional\":null}");
    assertThat(SimpleSigning.parse(payload).annotations()).isEmpty();
  }

  @Test
  void cosignPayloadFixtureVerifies() throws Exception {
    VerificationKey key = KeyFiles.parsePublicKey(resource("kubewarden.pub"), "kubewarden.pub");
    byte[] payload = resource("kubewarden-payload.json");
    byte[] signature =
        Base64.getDecoder()
            .decode(new String(resource("kubewarden-payload.sig"), StandardCharsets.US_ASCII));

    SimpleSigning claim = SimpleSigning.parse(payload);

    assertThat(key.verifies(payload, signature)).isTrue();
    assertThat(claim.type()).isEqualTo(SimpleSigning.TYPE);
    assertThat(claim.dockerReference()).isEqualTo("registry-testing.svc.lan/busybox");
    assertThat(claim.manifestDigest())
        .isEqualTo("sha256:f3cfc9d0dbf931d3db4685ec659b7ac68e2a578219da4aae65427886e649b06b");
    assertThat(Digests.of(payload))
        .isEqualTo("sha256:3af4414d20c9e1cb76ccc72aae8b242166dabe6af531a4a790db8e2f0e5ee7c9");
  }

  @Test
  void cosignSignatureFailsForAlteredPayload() throws Exception {
    VerificationKey key = KeyFiles.parsePublicKey(resource("kubewarden.pub"), "kubewarden.pub");
    byte[] payload = resource("kubewarden-payload.json");
    payload[payload.length - 2] = 'X';
    byte[] signature =
        Base64.getDecoder()
            .decode(new String(resource("kubewarden-payload.sig"), StandardCharsets.US_ASCII));

    assertThat(key.verifies(payload, signature)).isFalse();
  }

  @Test
  void paeMatchesDsseSpecExample() {
    byte[] pae =
        Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(pae, StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    assertThat(Digests.of(pae))
        .isEqualTo("sha256:217751fac2c4f14edb2c9297fbc34abcb016ba88e74757e875ec4ac16fb6b6a1");
  }

  @Test
  void paeCountsBytesNotCharacters() {
    byte[] pae = Dsse.pae("t", "é".getBytes(StandardCharsets.UTF_8));

    assertThat(pae).isEqualTo("DSSEv1 1 t 2 é".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void publishedDsseSignatureVerifies() throws Exception {
    VerificationKey key =
        KeyFiles.parsePublicKey(resource("sigstore-js-dsse.pub"), "sigstore-js-dsse.pub");
    SigstoreBundle bundle = SigstoreBundle.parse(resource("sigstore-js-dsse-bundle.json"));
    Dsse envelope = bundle.envelope().orElseThrow();

    assertThat(envelope.payloadType()).isEqualTo("text/plain");
    assertThat(new String(envelope.payload(), StandardCharsets.UTF_8)).isEqualTo("hello, world!");
    assertThat(envelope.verifiedBy(key)).isTrue();
    assertThat(envelope.verifiedBy(SigningKey.generate(new SecureRandom()).verificationKey()))
        .isFalse();
  }

  @Test
  void dsseRoundTripsWithRawSignatures() throws Exception {
    SigningKey key = SigningKey.generate(new SecureRandom());
    Dsse signed = Dsse.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, "{}".getBytes(StandardCharsets.UTF_8), key);

    Dsse parsed = Dsse.parse(signed.toJson());

    assertThat(parsed.payloadType()).isEqualTo(Dsse.IN_TOTO_PAYLOAD_TYPE);
    assertThat(parsed.payload()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.verifiedBy(key.verificationKey())).isTrue();
  }

  @Test
  void rawRAndSSignatureIsAccepted() throws Exception {
    SigningKey key = SigningKey.generate(new SecureRandom());
    byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
    java.security.Signature raw =
        java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
    raw.initSign(key.privateKey());
    raw.update(data);
    byte[] signature = raw.sign();

    assertThat(signature).hasSize(64);
    assertThat(key.verificationKey().verifies(data, signature)).isTrue();
    assertThat(key.verificationKey().verifies("other".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(key.verificationKey().verifies(data, new byte[] {0x30, 0x02, 0x01})).isFalse();
  }

  @Test
  void statementCarriesSubjectAndPredicate() throws Exception {
    JsonNode predicate = Json.parse("{\"k\":1}".getBytes(StandardCharsets.UTF_8), "p");
    String sha = DIGEST.substring(7);

    byte[] json =
        new InTotoStatement(
                "example/app", sha, InTotoStatement.predicateTypeFor("cyclonedx"), predicate)
            .toJson();

    assertThat(new String(json, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\"example/app\","
                + "\"digest\":{\"sha256\":\""
                + sha
                + "\"}}],"
                + "\"predicateType\":\"https://cyclonedx.org/bom\",\"predicate\":{\"k\":1}}");
    assertThat(InTotoStatement.parse(json).subjectSha256()).isEqualTo(sha);
  }

  @Test
  void predicateTypeNamesMapToUris() throws Exception {
    assertThat(InTotoStatement.predicateTypeFor("spdx")).isEqualTo("https://spdx.dev/Document");
    assertThat(InTotoStatement.predicateTypeFor("cyclonedx"))
        .isEqualTo("https://cyclonedx.org/bom");
    assertThat(InTotoStatement.predicateTypeFor("slsaprovenance"))
        .isEqualTo("https://slsa.dev/provenance/v1");
    assertThat(InTotoStatement.predicateTypeFor("openvex"))
        .isEqualTo("https://openvex.dev/ns/v0.2.0");
    assertThat(InTotoStatement.predicateTypeFor("https://example.com/p"))
        .isEqualTo("https://example.com/p");
    assertThatThrownBy(() -> InTotoStatement.predicateTypeFor("sbom"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "unknown predicate type 'sbom': use spdx, cyclonedx, slsaprovenance, openvex or a URI");
  }

  @Test
  void slsaPredicateHasBuildDefinitionAndBuilder() throws Exception {
    JsonNode spec = Json.parse("{\"base\":\"debian\"}".getBytes(StandardCharsets.UTF_8), "spec");
    SlsaProvenance provenance =
        new SlsaProvenance(
            "https://temper.dev/build/v1",
            spec,
            List.of(new SlsaProvenance.Dependency("libc6.deb", "pool/libc6.deb", "ab".repeat(32))),
            "https://temper.dev/builder");

    JsonNode predicate = provenance.toPredicate();

    JsonNode definition = predicate.path("buildDefinition");
    assertThat(definition.path("buildType").asText()).isEqualTo("https://temper.dev/build/v1");
    assertThat(definition.path("externalParameters").path("base").asText()).isEqualTo("debian");
    JsonNode dependency = definition.path("resolvedDependencies").get(0);
    assertThat(dependency.path("name").asText()).isEqualTo("libc6.deb");
    assertThat(dependency.path("uri").asText()).isEqualTo("pool/libc6.deb");
    assertThat(dependency.path("digest").path("sha256").asText()).isEqualTo("ab".repeat(32));
    assertThat(predicate.path("runDetails").path("builder").path("id").asText())
        .isEqualTo("https://temper.dev/builder");
  }

  @Test
  void bundleJsonUsesProtobufFieldNames() throws Exception {
    SigningKey key = SigningKey.generate(new SecureRandom());
    byte[] payload = "p".getBytes(StandardCharsets.UTF_8);
    SigstoreBundle bundle =
        SigstoreBundle.forMessage(
            key.verificationKey(), Digests.sha256(payload), key.sign(payload));

    JsonNode json = Json.parse(bundle.toJson(), "bundle");

    assertThat(json.path("mediaType").asText())
        .isEqualTo("application/vnd.dev.sigstore.bundle.v0.3+json");
    assertThat(json.path("verificationMaterial").path("publicKey").path("hint").asText())
        .isEqualTo(key.verificationKey().hint());
    assertThat(json.path("messageSignature").path("messageDigest").path("algorithm").asText())
        .isEqualTo("SHA2_256");
    assertThat(json.path("messageSignature").path("messageDigest").path("digest").asText())
        .isEqualTo(Base64.getEncoder().encodeToString(Digests.sha256(payload)));
    SigstoreBundle parsed = SigstoreBundle.parse(bundle.toJson());
    assertThat(parsed.messageSignature()).isEqualTo(bundle.messageSignature());
    assertThat(parsed.hasCertificate()).isFalse();
  }

  @Test
  void badBundlesRaiseClearErrors() {
    assertThatThrownBy(() -> SigstoreBundle.parse("{\"mediaType\":\"x\"}".getBytes()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("bundle: unsupported mediaType 'x'");
    assertThatThrownBy(
            () ->
                SigstoreBundle.parse(
                    ("{\"mediaType\":\""
                            + SigstoreBundle.MEDIA_TYPE_V03
                            + "\",\"verificationMaterial\":{\"publicKey\":{}}}")
                        .getBytes()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("bundle: neither messageSignature nor dsseEnvelope is set");
    assertThatThrownBy(() -> SigstoreBundle.parse(new byte[SigstoreBundle.MAX_BYTES + 1]))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("bundle is 67108865 bytes, the maximum is 67108864");
  }

  @Test
  void brokenBundleFileNamesLine(@TempDir Path temp) throws Exception {
    Path file = Files.writeString(temp.resolve("app.bundle"), "{\"mediaType\":\n  \"x\",,}");

    assertThatThrownBy(() -> SigstoreBundle.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            file
                + ": bundle: invalid JSON at line 2, column 7: unexpected character ',': was"
                + " expecting double-quote to start field name");
  }

  @Test
  void duplicateBundleKeyIsNamed(@TempDir Path temp) throws Exception {
    Path file =
        Files.writeString(
            temp.resolve("twice.bundle"), "{\"mediaType\": \"a\", \"mediaType\": \"b\"}");

    assertThatThrownBy(() -> SigstoreBundle.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": bundle: invalid JSON at line 1, column ")
        .hasMessageEndingWith(": duplicate key 'mediaType'");
  }
}
