package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DSSE envelope (Dead Simple Signing Envelope, v1): a typed payload and signatures over its
 * pre-authentication encoding.
 *
 * @param payloadType the media type of the payload, authenticated with it
 * @param payload the signed bytes
 * @param signatures one entry per signer
 */
public record Dsse(String payloadType, byte[] payload, List<Signature> signatures) {
  /** The payload type of in-toto statements. */
  public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

  /** The layer media type of a DSSE envelope in a cosign attestation manifest. */
  public static final String MEDIA_TYPE = "application/vnd.dsse.envelope.v1+json";

  // More signatures than this in one envelope is not a real attestation.
  private static final int MAX_SIGNATURES = 16;

  /**
   * One signature of an envelope.
   *
   * @param keyid an optional, unauthenticated hint naming the key, empty when unset
   * @param sig the raw signature bytes
   */
  public record Signature(String keyid, byte[] sig) {}

  public Dsse {
    signatures = List.copyOf(signatures);
  }

  /**
   * Returns the pre-authentication encoding {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP
   * body}, where lengths are ASCII decimal byte counts.
   */
  public static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
    String header = "DSSEv1 " + type.length + " " + payloadType + " " + payload.length + " ";
    out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** Signs {@code payload} and returns an envelope with the one signature and an empty keyid. */
  public static Dsse sign(String payloadType, byte[] payload, SigningKey key) {
    byte[] sig = key.sign(pae(payloadType, payload));
    return new Dsse(payloadType, payload, List.of(new Signature("", sig)));
  }

  /** Returns whether any signature verifies with {@code key}. */
  public boolean verifiedBy(VerificationKey key) {
    byte[] pae = pae(payloadType, payload);
    return signatures.stream().anyMatch(signature -> key.verifies(pae, signature.sig()));
  }

  /** Serializes the envelope in the standard JSON form, with standard base64. */
  public byte[] toJson() {
    Base64.Encoder base64 = Base64.getEncoder();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("payloadType", payloadType);
    root.put("payload", base64.encodeToString(payload));
    ArrayNode list = root.putArray("signatures");
    for (Signature signature : signatures) {
      list.addObject()
          .put("keyid", signature.keyid())
          .put("sig", base64.encodeToString(signature.sig()));
    }
    return Json.bytes(root);
  }

  /** Parses the JSON form; base64 may be standard or URL-safe, as the envelope spec allows. */
  public static Dsse parse(byte[] json) throws InvalidInputException {
    return fromTree(Json.parse(json, "DSSE envelope"));
  }

  static Dsse fromTree(JsonNode root) throws InvalidInputException {
    JsonNode type = root.get("payloadType");
    JsonNode payload = root.get("payload");
    JsonNode list = root.get("signatures");
    if (type == null || !type.isTextual() || payload == null || !payload.isTextual()) {
      throw new InvalidInputException("DSSE envelope: payloadType and payload are required");
    }
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidInputException("DSSE envelope: signatures are missing");
    }
    if (list.size() > MAX_SIGNATURES) {
      throw new InvalidInputException(
          "DSSE envelope: " + list.size() + " signatures, the maximum is " + MAX_SIGNATURES);
    }
    List<Signature> signatures = new ArrayList<>();
    for (JsonNode entry : list) {
      signatures.add(
          new Signature(
              entry.path("keyid").asText(""), decode(entry.path("sig").asText(""), "sig")));
    }
    return new Dsse(type.asText(), decode(payload.asText(), "payload"), signatures);
  }

  static byte[] decode(String text, String field) throws InvalidInputException {
    try {
      boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
      return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("DSSE envelope: " + field + " is not valid base64", e);
    }
  }
}
