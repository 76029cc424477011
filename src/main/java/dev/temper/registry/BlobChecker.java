package dev.temper.registry;

import dev.temper.oci.Digest;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.OptionalLong;

/** Checks whether a repository has a blob, {@code HEAD /v2/NAME/blobs/DIGEST}. */
final class BlobChecker {
  private final RegistryTransport transport;
  private final Repository repository;

  BlobChecker(RegistryTransport transport, Repository repository) {
    this.transport = transport;
    this.repository = repository;
  }

  /**
   * Returns the blob's size when the repository has it, or empty when it does not.
   *
   * @param scope the access to request, so that a push authenticates once for pull and push
   * @throws RegistryException when the registry fails or rejects the request
   */
  OptionalLong size(Digest digest, Scope scope) throws RegistryException, IOException {
    RequestContext context =
        RequestContext.of(repository, "check blob " + digest, transport.secrets());
    URI uri = URI.create("/v2/" + repository.name() + "/blobs/" + digest);
    Response response = transport.send(RegistryCall.of("HEAD", uri, Map.of(), scope, context));
    response.body().close();
    if (response.statusCode() == 404) {
      return OptionalLong.empty();
    }
    if (response.statusCode() != 200) {
      throw RegistryErrors.fromResponse(response, context);
    }
    return OptionalLong.of(response.headers().firstValueAsLong("Content-Length").orElse(-1));
  }
}
