package dev.temper.registry;

import dev.temper.json.JsonValue;
import dev.temper.oci.Digest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Pulls a manifest or index by tag or digest, {@code GET /v2/NAME/manifests/REFERENCE}. The bytes
 * are checked before they are returned: a pull by digest must hash to that digest, a pull by tag
 * takes its digest from the bytes (and fails when the registry's {@code Docker-Content-Digest}
 * disagrees), the body's {@code mediaType} must equal the {@code Content-Type}, and a body larger
 * than {@link OciJson#MAX_DOCUMENT_BYTES} is rejected without being read whole.
 */
final class ManifestPuller {
  static final String ACCEPT =
      String.join(
          ", ",
          MediaTypes.OCI_MANIFEST,
          MediaTypes.OCI_INDEX,
          MediaTypes.DOCKER_MANIFEST,
          MediaTypes.DOCKER_MANIFEST_LIST);

  private final RegistryTransport transport;
  private final Repository repository;

  ManifestPuller(RegistryTransport transport, Repository repository) {
    this.transport = transport;
    this.repository = repository;
  }

  /**
   * Pulls the manifest that {@code reference}, a tag or a digest, names.
   *
   * @throws RegistryException when the manifest is missing, too large or fails a check
   */
  PulledManifest pull(String reference) throws RegistryException, IOException {
    // A digest has a colon and a tag cannot, and a bare tag such as 1 would read as a count.
    String named = reference.contains(":") ? reference : "of tag " + reference;
    RequestContext context =
        RequestContext.of(repository, "pull manifest " + named, transport.secrets());
    URI uri = URI.create("/v2/" + repository.name() + "/manifests/" + reference);
    RegistryCall call =
        RegistryCall.of(
            "GET", uri, Map.of("Accept", ACCEPT), Scope.pull(repository.name()), context);
    return transport.withRetries(context, () -> pullOnce(call, reference, context));
  }

  private PulledManifest pullOnce(RegistryCall call, String reference, RequestContext context)
      throws RegistryException, IOException, Transient {
    Response response = transport.send(call);
    if (response.statusCode() != 200) {
      throw RegistryErrors.fromResponse(response, context);
    }
    byte[] bytes = readBounded(response, context);
    Optional<Digest> requested = parseDigest(reference);
    Digest digest = verifyDigest(bytes, requested, response, context);
    String mediaType = verifyMediaType(bytes, response, context);
    return new PulledManifest(bytes, digest, mediaType);
  }

  /** Reads the body. A body cut short or stalled is pulled again, as a failed request is. */
  private static byte[] readBounded(Response response, RequestContext context)
      throws RegistryException, IOException, Transient {
    long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    try (InputStream in = response.body()) {
      if (length > OciJson.MAX_DOCUMENT_BYTES) {
        throw tooLarge(context, length + " bytes");
      }
      byte[] bytes;
      try {
        bytes = in.readNBytes(OciJson.MAX_DOCUMENT_BYTES + 1);
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        throw new Transient("body failed: " + RegistryTransport.describe(e), e, null);
      }
      if (bytes.length > OciJson.MAX_DOCUMENT_BYTES) {
        throw tooLarge(context, "more than " + OciJson.MAX_DOCUMENT_BYTES + " bytes");
      }
      return bytes;
    }
  }

  private static RegistryException tooLarge(RequestContext context, String size) {
    return context.failure(
        RegistryException.Reason.TOO_LARGE,
        200,
        "the manifest has " + size + ", over the limit of " + OciJson.MAX_DOCUMENT_BYTES + " bytes",
        null);
  }

  private static Digest verifyDigest(
      byte[] bytes, Optional<Digest> requested, Response response, RequestContext context)
      throws RegistryException {
    Digest expected = requested.orElse(null);
    if (expected == null) {
      // A pull by tag: the digest comes from the bytes, and the header may only confirm it.
      expected = Digest.sha256(bytes);
      Optional<Digest> announced =
          response
              .headers()
              .firstValue("Docker-Content-Digest")
              .flatMap(ManifestPuller::parseDigest);
      if (announced.isPresent()
          && announced.get().algorithm().equals("sha256")
          && !announced.get().equals(expected)) {
        throw context.failure(
            RegistryException.Reason.INTEGRITY,
            200,
            "the registry announced digest "
                + announced.get()
                + " but the content hashes to "
                + expected,
            null);
      }
      return expected;
    }
    MessageDigest hasher = expected.newHasher();
    Digest actual =
        new Digest(expected.algorithm(), HexFormat.of().formatHex(hasher.digest(bytes)));
    if (!actual.equals(expected)) {
      throw context.failure(
          RegistryException.Reason.INTEGRITY,
          200,
          "digest mismatch, expected " + expected + " but the content hashes to " + actual,
          null);
    }
    return actual;
  }

  private static String verifyMediaType(byte[] bytes, Response response, RequestContext context)
      throws RegistryException {
    String contentType =
        response.headers().firstValue("Content-Type").map(ManifestPuller::bareType).orElse("");
    String declared;
    try {
      declared = JsonValue.parse(bytes).path("mediaType").asText("");
    } catch (IOException e) {
      throw context.failure(
          RegistryException.Reason.INTEGRITY, 200, "the manifest is not valid JSON", null);
    }
    if (declared.isEmpty()) {
      // The OCI image spec allows a manifest without mediaType; the header then decides.
      if (MediaTypes.isManifest(contentType) || MediaTypes.isIndex(contentType)) {
        return contentType;
      }
      throw context.failure(
          RegistryException.Reason.PROTOCOL,
          200,
          "the manifest has no mediaType and the Content-Type '"
              + context.redact(contentType)
              + "' is not a manifest type",
          null);
    }
    if (!declared.equals(contentType)) {
      throw context.failure(
          RegistryException.Reason.INTEGRITY,
          200,
          "the Content-Type '"
              + context.redact(contentType)
              + "' does not match the manifest's mediaType '"
              + context.redact(declared)
              + "'",
          null);
    }
    return declared;
  }

  static String bareType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  static Optional<Digest> parseDigest(String reference) {
    if (reference.indexOf(':') < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Digest.parse(reference));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
