package dev.temper.registry;

import dev.temper.error.InvalidInputException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Lists the artifacts that refer to a manifest: through the referrers API, {@code GET
 * /v2/NAME/referrers/DIGEST}, or, when the registry does not offer it (HTTP 404), through the index
 * tagged {@code sha256-HEX} that the distribution spec's tag schema fallback defines.
 */
final class ReferrersLister {
  private final RegistryTransport transport;
  private final Repository repository;

  ReferrersLister(RegistryTransport transport, Repository repository) {
    this.transport = transport;
    this.repository = repository;
  }

  /**
   * Returns the descriptors of the manifests whose subject is {@code subject}; empty when none.
   *
   * @throws RegistryException when the registry fails or returns an invalid index
   */
  List<Descriptor> list(Digest subject) throws RegistryException, IOException {
    RequestContext context =
        RequestContext.of(repository, "list referrers of " + subject, transport.secrets());
    URI uri = URI.create("/v2/" + repository.name() + "/referrers/" + subject);
    RegistryCall call =
        RegistryCall.of(
            "GET",
            uri,
            Map.of("Accept", MediaTypes.OCI_INDEX),
            Scope.pull(repository.name()),
            context);
    Response response = transport.send(call);
    if (response.statusCode() == 200) {
      String type =
          ManifestPuller.bareType(response.headers().firstValue("Content-Type").orElse(""));
      byte[] body = ResponseBodies.read(response, OciJson.MAX_DOCUMENT_BYTES, context);
      if (!type.equals(MediaTypes.OCI_INDEX)) {
        throw context.failure(
            RegistryException.Reason.PROTOCOL,
            200,
            "the referrers response has Content-Type '"
                + context.redact(type)
                + "' instead of an OCI index",
            null);
      }
      return parse(body, context);
    }
    if (response.statusCode() != 404) {
      throw RegistryErrors.fromResponse(response, context);
    }
    response.body().close();
    return fallback(subject);
  }

  private List<Descriptor> fallback(Digest subject) throws RegistryException, IOException {
    try {
      PulledManifest index = new ManifestPuller(transport, repository).pull(subject.tagForm());
      return parse(
          index.bytes(),
          RequestContext.of(repository, "list referrers of " + subject, transport.secrets()));
    } catch (RegistryException e) {
      if (e.reason() == RegistryException.Reason.NOT_FOUND) {
        return List.of();
      }
      throw e;
    }
  }

  private static List<Descriptor> parse(byte[] body, RequestContext context)
      throws RegistryException {
    if (body.length > OciJson.MAX_DOCUMENT_BYTES) {
      throw context.failure(
          RegistryException.Reason.TOO_LARGE,
          200,
          "the referrers index is larger than " + OciJson.MAX_DOCUMENT_BYTES + " bytes",
          null);
    }
    try {
      return OciJson.read(body, ImageIndex.class, "referrers index").manifests();
    } catch (InvalidInputException e) {
      throw context.failure(RegistryException.Reason.PROTOCOL, 200, e.getMessage(), e);
    }
  }
}
