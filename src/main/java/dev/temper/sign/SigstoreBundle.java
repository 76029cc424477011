package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.InvalidInputException;
import dev.temper.files.TemporaryNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * A Sigstore bundle in its protobuf JSON form ({@code dev.sigstore.bundle.v1.Bundle}): the
 * signature, plus what a verifier needs to find the key. temper writes v0.3 bundles that identify
 * the key by hint and carry no transparency log entries or timestamps.
 *
 * @param mediaType the bundle version
 * @param publicKeyHint {@code verificationMaterial.publicKey.hint}, empty for keyless bundles
 * @param hasCertificate whether the bundle names its signer by an X.509 certificate
 * @param messageDigestSha256 for a {@code messageSignature}, the SHA-256 of the signed bytes
 * @param messageSignature for a {@code messageSignature}, the signature bytes
 * @param envelope for a {@code dsseEnvelope} bundle, the envelope
 */
public record SigstoreBundle(
    String mediaType,
    String publicKeyHint,
    boolean hasCertificate,
    byte[] messageDigestSha256,
    byte[] messageSignature,
    Optional<Dsse> envelope) {
  /** The media type of bundle v0.3. */
  public static final String MEDIA_TYPE_V03 = "application/vnd.dev.sigstore.bundle.v0.3+json";

  private static final Set<String> MEDIA_TYPES =
      Set.of(
          MEDIA_TYPE_V03,
          "application/vnd.dev.sigstore.bundle+json;version=0.3",
          "application/vnd.dev.sigstore.bundle+json;version=0.2",
          "application/vnd.dev.sigstore.bundle+json;version=0.1");

  /** Bundles larger than this are rejected; an SBOM attestation fits well within it. */
  public static final int MAX_BYTES = 64 << 20;

  /** Creates a v0.3 bundle for a signature over bytes whose SHA-256 is {@code digest}. */
  public static SigstoreBundle forMessage(VerificationKey key, byte[] digest, byte[] signature) {
    return new SigstoreBundle(
        MEDIA_TYPE_V03, key.hint(), false, digest.clone(), signature.clone(), Optional.empty());
  }

  /** Creates a v0.3 bundle around a DSSE envelope. */
  public static SigstoreBundle forEnvelope(VerificationKey key, Dsse envelope) {
    return new SigstoreBundle(
        MEDIA_TYPE_V03, key.hint(), false, new byte[0], new byte[0], Optional.of(envelope));
  }

  /** Serializes the bundle as protobuf JSON (camelCase names, standard base64 bytes). */
  public byte[] toJson() {
    Base64.Encoder base64 = Base64.getEncoder();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("mediaType", mediaType);
    ObjectNode material = root.putObject("verificationMaterial");
    material.putObject("publicKey").put("hint", publicKeyHint);
    material.putArray("tlogEntries");
    if (envelope.isPresent()) {
      Dsse dsse = envelope.get();
      ObjectNode node = root.putObject("dsseEnvelope");
      node.put("payload", base64.encodeToString(dsse.payload()));
      node.put("payloadType", dsse.payloadType());
      for (Dsse.Signature signature : dsse.signatures()) {
        node.withArray("signatures")
            .addObject()
            .put("sig", base64.encodeToString(signature.sig()))
            .put("keyid", signature.keyid());
      }
    } else {
      ObjectNode message = root.putObject("messageSignature");
      ObjectNode digest = message.putObject("messageDigest");
      digest.put("algorithm", "SHA2_256");
      digest.put("digest", base64.encodeToString(messageDigestSha256));
      message.put("signature", base64.encodeToString(messageSignature));
    }
    return Json.bytes(root);
  }

  /** Writes the JSON form to {@code path} through a temporary file renamed into place. */
  public void writeTo(Path path) throws IOException {
    Path directory = path.toAbsolutePath().getParent();
    Path temporary = TemporaryNames.createFile(directory, "." + path.getFileName(), ".tmp");
    try {
      Files.write(temporary, toJson());
      Files.move(
          temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Reads and parses a bundle file of at most {@link #MAX_BYTES}. */
  public static SigstoreBundle read(Path path) throws IOException, InvalidInputException {
    long size = Files.size(path);
    if (size > MAX_BYTES) {
      throw new InvalidInputException(
          path + ": bundle is " + size + " bytes, the maximum is " + MAX_BYTES);
    }
    try {
      return parse(Files.readAllBytes(path));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(path + ": " + e.getMessage(), e);
    }
  }

  /** Parses a bundle of version 0.1 to 0.3. */
  public static SigstoreBundle parse(byte[] json) throws InvalidInputException {
    if (json.length > MAX_BYTES) {
      throw new InvalidInputException(
          "bundle is " + json.length + " bytes, the maximum is " + MAX_BYTES);
    }
    JsonNode root = Json.parse(json, "bundle");
    String mediaType = root.path("mediaType").asText("");
    if (!MEDIA_TYPES.contains(mediaType)) {
      throw new InvalidInputException("bundle: unsupported mediaType '" + mediaType + "'");
    }
    JsonNode material = root.path("verificationMaterial");
    boolean certificate = material.has("certificate") || material.has("x509CertificateChain");
    String hint = material.path("publicKey").path("hint").asText("");
    if (!certificate && !material.has("publicKey")) {
      throw new InvalidInputException("bundle: verificationMaterial names no key or certificate");
    }
    if (root.has("dsseEnvelope")) {
      Dsse envelope = Dsse.fromTree(root.get("dsseEnvelope"));
      return new SigstoreBundle(
          mediaType, hint, certificate, new byte[0], new byte[0], Optional.of(envelope));
    }
    JsonNode message = root.path("messageSignature");
    if (!message.isObject()) {
      throw new InvalidInputException("bundle: neither messageSignature nor dsseEnvelope is set");
    }
    String algorithm = message.path("messageDigest").path("algorithm").asText("");
    if (!algorithm.equals("SHA2_256")) {
      throw new InvalidInputException(
          "bundle: messageDigest algorithm '"
              + algorithm
              + "' is not supported; expected SHA2_256");
    }
    byte[] digest = Dsse.decode(message.path("messageDigest").path("digest").asText(""), "digest");
    byte[] signature = Dsse.decode(message.path("signature").asText(""), "signature");
    if (digest.length != 32 || signature.length == 0) {
      throw new InvalidInputException(
          "bundle: messageSignature needs a 32-byte digest and a signature");
    }
    return new SigstoreBundle(mediaType, hint, certificate, digest, signature, Optional.empty());
  }
}
