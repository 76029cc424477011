package dev.temper.sign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.testing.ProcessRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks temper's formats against independent JavaScript code: a second implementation of cosign's
 * key format (Node's scrypt and tweetnacl's secretbox) and sigstore-js's bundle verifier. Needs
 * node and npm. The packages come from {@code src/test/node/package-lock.json}.
 */
class NodeInteropTest {
  private static final String PASSWORD = "pässwörd 1";
  private static final SecureRandom RANDOM = new SecureRandom();

  @BeforeAll
  static void installPackages() throws Exception {
    NodeScripts.install();
  }

  @Test
  void secretboxMatchesTweetnacl(@TempDir Path dir) throws Exception {
    byte[] key = new byte[32];
    byte[] nonce = new byte[24];
    byte[] message = new byte[200];
    RANDOM.nextBytes(key);
    RANDOM.nextBytes(nonce);
    RANDOM.nextBytes(message);
    HexFormat hex = HexFormat.of();

    ProcessRun run =
        node(
            dir,
            Map.of(),
            "secretbox.js",
            hex.formatHex(key),
            hex.formatHex(nonce),
            hex.formatHex(message));

    assertThat(run.requireSuccess().stdout())
        .isEqualTo(hex.formatHex(SecretBox.seal(message, nonce, key)));
  }

  @Test
  void nodeOpensKeyTemperWrote(@TempDir Path dir) throws Exception {
    Path[] written =
        KeyFiles.writeKeyPair(
            dir.resolve("cosign"), SigningKey.generate(RANDOM), PASSWORD.toCharArray(), RANDOM);

    ProcessRun run =
        node(
            dir,
            Map.of("COSIGN_PASSWORD", PASSWORD),
            "cosign-key.js",
            "open",
            written[0].toString());

    assertThat(run.requireSuccess().stdout()).isEqualTo(Files.readString(written[1]));
  }

  @Test
  void nodeRejectsWrongPassword(@TempDir Path dir) throws Exception {
    Path[] written =
        KeyFiles.writeKeyPair(
            dir.resolve("cosign"), SigningKey.generate(RANDOM), PASSWORD.toCharArray(), RANDOM);

    ProcessRun run =
        node(
            dir,
            Map.of("COSIGN_PASSWORD", "other"),
            "cosign-key.js",
            "open",
            written[0].toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.stderr()).contains("secretbox open failed");
  }

  @Test
  void temperOpensKeyNodeWrote(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("node.key");
    Path pub = dir.resolve("node.pub");
    node(
            dir,
            Map.of("COSIGN_PASSWORD", PASSWORD),
            "cosign-key.js",
            "write",
            key.toString(),
            pub.toString())
        .requireSuccess();

    SigningKey opened =
        KeyFiles.parsePrivateKey(Files.readAllBytes(key), PASSWORD.toCharArray(), key.toString());
    VerificationKey expected = KeyFiles.parsePublicKey(Files.readAllBytes(pub), pub.toString());

    assertThat(opened.publicKey()).isEqualTo(expected.publicKey());
  }

  @Test
  void sigstoreJsVerifiesMessageBundle(@TempDir Path dir) throws Exception {
    SigningKey key = SigningKey.generate(RANDOM);
    ArtifactStore store = ArtifactStore.ociLayout(dir.resolve("layout"));
    String image = imageIn(store);
    CosignImages.Attached attached = CosignImages.sign(store, image, "example/app", Map.of(), key);
    byte[] payload = CosignImages.signatures(store, image).get(0).content().orElseThrow();
    Path bundle = dir.resolve("bundle.json");
    Path artifact = dir.resolve("payload.json");
    Path pub = dir.resolve("cosign.pub");
    attached.bundle().writeTo(bundle);
    Files.write(artifact, payload);
    Files.writeString(pub, key.verificationKey().pem());

    ProcessRun good =
        node(
            dir,
            Map.of(),
            "verify-bundle.js",
            bundle.toString(),
            pub.toString(),
            artifact.toString());
    Files.write(
        artifact,
        new String(payload, StandardCharsets.UTF_8)
            .replace("example/app", "example/evil")
            .getBytes(StandardCharsets.UTF_8));
    ProcessRun altered =
        node(
            dir,
            Map.of(),
            "verify-bundle.js",
            bundle.toString(),
            pub.toString(),
            artifact.toString());

    assertThat(good.requireSuccess().stdout()).isEqualTo("verified\n");
    assertThat(altered.exitCode()).isEqualTo(1);
    assertThat(altered.stdout()).startsWith("not verified:");
  }

  @Test
  void sigstoreJsVerifiesDsseBundle(@TempDir Path dir) throws Exception {
    SigningKey key = SigningKey.generate(RANDOM);
    ArtifactStore store = ArtifactStore.ociLayout(dir.resolve("layout"));
    String image = imageIn(store);
    var predicate =
        Json.parse("{\"bomFormat\":\"CycloneDX\"}".getBytes(StandardCharsets.UTF_8), "p");
    CosignImages.Attached attached =
        CosignImages.attest(
            store,
            image,
            new InTotoStatement(
                "example/app", image.substring(7), "https://cyclonedx.org/bom", predicate),
            key);
    Path bundle = dir.resolve("bundle.json");
    Path tampered = dir.resolve("tampered.json");
    Path pub = dir.resolve("cosign.pub");
    attached.bundle().writeTo(bundle);
    Files.writeString(pub, key.verificationKey().pem());
    ObjectNode json = (ObjectNode) Json.parse(Files.readAllBytes(bundle), "bundle");
    ObjectNode envelope = (ObjectNode) json.get("dsseEnvelope");
    byte[] statement = Base64.getDecoder().decode(envelope.get("payload").asText());
    String changed = new String(statement, StandardCharsets.UTF_8).replace("CycloneDX", "Other");
    envelope.put(
        "payload", Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)));
    Files.write(tampered, Json.bytes(json));

    ProcessRun good = node(dir, Map.of(), "verify-bundle.js", bundle.toString(), pub.toString());
    ProcessRun bad = node(dir, Map.of(), "verify-bundle.js", tampered.toString(), pub.toString());

    assertThat(good.requireSuccess().stdout()).isEqualTo("verified\n");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.stdout()).startsWith("not verified:");
  }

  @Test
  void sigstoreJsRejectsOtherKey(@TempDir Path dir) throws Exception {
    SigningKey key = SigningKey.generate(RANDOM);
    byte[] payload = "artifact".getBytes(StandardCharsets.UTF_8);
    SigstoreBundle bundle =
        SigstoreBundle.forMessage(
            key.verificationKey(), Digests.sha256(payload), key.sign(payload));
    Path file = dir.resolve("bundle.json");
    Path artifact = dir.resolve("artifact");
    Path otherPub = dir.resolve("other.pub");
    bundle.writeTo(file);
    Files.write(artifact, payload);
    Files.writeString(otherPub, SigningKey.generate(RANDOM).verificationKey().pem());

    ProcessRun run =
        node(
            dir,
            Map.of(),
            "verify-bundle.js",
            file.toString(),
            otherPub.toString(),
            artifact.toString());

    assertThat(run.exitCode()).isEqualTo(1);
  }

  private static String imageIn(ArtifactStore store) throws Exception {
    byte[] manifest = "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
    return store.writeManifest(manifest, CosignManifests.MANIFEST_MEDIA_TYPE, "latest").digest();
  }

  private static ProcessRun node(
      Path dir, Map<String, String> environment, String script, String... arguments)
      throws Exception {
    return NodeScripts.run(dir, environment, script, arguments);
  }
}
