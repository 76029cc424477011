package dev.temper.registry;

import dev.temper.oci.Digest;
import dev.temper.oci.OciJson;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Pushes a manifest or index, {@code PUT /v2/NAME/manifests/REFERENCE}, with its media type as
 * {@code Content-Type}. The digest the registry reports must equal the digest of the bytes sent.
 */
final class ManifestPusher {
  private final RegistryTransport transport;
  private final Repository repository;

  ManifestPusher(RegistryTransport transport, Repository repository) {
    this.transport = transport;
    this.repository = repository;
  }

  /**
   * Pushes {@code bytes} under {@code reference}, a tag or the manifest's own digest, and returns
   * the digest.
   *
   * @throws RegistryException when the registry rejects the manifest or stores other bytes
   */
  Digest push(byte[] bytes, String mediaType, String reference)
      throws RegistryException, IOException {
    RequestContext context =
        RequestContext.of(repository, "push manifest " + reference, transport.secrets());
    if (bytes.length > OciJson.MAX_DOCUMENT_BYTES) {
      throw context.failure(
          RegistryException.Reason.TOO_LARGE,
          -1,
          "the manifest has "
              + bytes.length
              + " bytes, over the limit of "
              + OciJson.MAX_DOCUMENT_BYTES,
          null);
    }
    Digest digest = Digest.sha256(bytes);
    byte[] copy = bytes.clone();
    URI uri = URI.create("/v2/" + repository.name() + "/manifests/" + reference);
    RegistryCall call =
        RegistryCall.of(
                "PUT",
                uri,
                Map.of("Content-Type", mediaType),
                Scope.push(repository.name()),
                context)
            .withBody(RequestBody.of(copy));
    Response response = transport.send(call);
    if (response.statusCode() != 201) {
      throw RegistryErrors.fromResponse(response, context);
    }
    response.body().close();
    Optional<String> stored = response.headers().firstValue("Docker-Content-Digest");
    if (stored.isPresent() && !stored.get().equals(digest.toString())) {
      throw context.failure(
          RegistryException.Reason.INTEGRITY,
          201,
          "the registry stored the manifest as "
              + context.redact(stored.get())
              + " instead of "
              + digest,
          null);
    }
    return digest;
  }
}
