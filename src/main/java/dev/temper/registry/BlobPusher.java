package dev.temper.registry;

import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one blob. A blob the repository already has is skipped after a {@code HEAD}. A blob in
 * another repository of the same registry is mounted with {@code POST ?mount=&from=}. Otherwise an
 * upload session is opened with {@code POST}, and the blob is sent with one {@code PUT}, or in
 * chunks with {@code PATCH} and {@code Content-Range} followed by a closing {@code PUT ?digest=}
 * when it is larger than the chunk size. An upload session that the registry drops (HTTP 404 or 416
 * on {@code PATCH} or {@code PUT}) is started again, at most {@value #MAX_SESSIONS} times.
 */
final class BlobPusher {
  private static final Logger LOG = LoggerFactory.getLogger(BlobPusher.class);
  private static final int MAX_SESSIONS = 3;
  private static final String OCTET_STREAM = "application/octet-stream";

  private final RegistryTransport transport;
  private final Repository repository;
  private final BlobChecker checker;

  BlobPusher(RegistryTransport transport, Repository repository) {
    this.transport = transport;
    this.repository = repository;
    this.checker = new BlobChecker(transport, repository);
  }

  /**
   * Makes sure the repository has {@code blob}.
   *
   * @param mountFrom a repository on the same registry that has the blob, or empty
   * @throws RegistryException when the registry rejects the upload or the digest
   */
  RegistryClient.PushOutcome push(
      Descriptor blob, BlobSource source, Optional<Repository> mountFrom)
      throws RegistryException, IOException {
    Scope scope = Scope.push(repository.name());
    if (checker.size(blob.digest(), scope).isPresent()) {
      return RegistryClient.PushOutcome.EXISTED;
    }
    return pushMissing(blob, source, mountFrom);
  }

  /**
   * Mounts or uploads a blob that the repository was just found to lack, without asking again.
   *
   * @param mountFrom a repository on the same registry that has the blob, or empty
   * @throws RegistryException when the registry rejects the upload or the digest
   */
  RegistryClient.PushOutcome pushMissing(
      Descriptor blob, BlobSource source, Optional<Repository> mountFrom)
      throws RegistryException, IOException {
    RequestContext context =
        RequestContext.of(repository, "push blob " + blob.digest(), transport.secrets());
    URI session;
    if (mountFrom.isPresent() && mountFrom.get().registry().equals(repository.registry())) {
      Optional<URI> started = mount(blob.digest(), mountFrom.get(), context);
      if (started.isEmpty()) {
        return RegistryClient.PushOutcome.MOUNTED;
      }
      session = started.get();
    } else {
      session = startSession(context);
    }
    for (int attempt = 1; ; attempt++) {
      Optional<URI> expired = upload(session, blob, source, context);
      if (expired.isEmpty()) {
        return RegistryClient.PushOutcome.UPLOADED;
      }
      if (attempt >= MAX_SESSIONS) {
        throw context.failure(
            RegistryException.Reason.NOT_FOUND,
            404,
            "the upload session expired " + attempt + " times; the registry may be overloaded",
            null);
      }
      LOG.warn("The upload session of {} expired, starting a new one", blob.digest());
      session = startSession(context);
    }
  }

  /**
   * Mounts a blob that the repository was just found to lack from another repository, and returns
   * whether the registry mounted it. When it opens an upload session instead, the session is
   * cancelled.
   */
  boolean mountOnly(Digest digest, Repository from) throws RegistryException, IOException {
    if (!from.registry().equals(repository.registry())) {
      return false;
    }
    RequestContext context =
        RequestContext.of(repository, "mount blob " + digest, transport.secrets());
    Optional<URI> session = mount(digest, from, context);
    if (session.isEmpty()) {
      return true;
    }
    RegistryCall cancel =
        RegistryCall.of("DELETE", session.get(), Map.of(), Scope.push(repository.name()), context);
    transport.send(cancel).body().close();
    return false;
  }

  /** POST with mount and from. Returns empty when mounted, or the upload session to use. */
  private Optional<URI> mount(Digest digest, Repository from, RequestContext context)
      throws RegistryException, IOException {
    URI uri =
        URI.create(
            "/v2/"
                + repository.name()
                + "/blobs/uploads/?mount="
                + encode(digest.toString())
                + "&from="
                + encode(from.name()));
    RegistryCall call =
        RegistryCall.of(
                "POST",
                uri,
                Map.of(),
                Scope.mount(repository.name(), from.name()),
                context.withOperation("mount blob " + digest + " from " + from.name()))
            .withBody(RequestBody.EMPTY);
    Response response = transport.send(call);
    if (response.statusCode() != 201 && response.statusCode() != 202) {
      // The error body names the cause, so it is read before the body is closed.
      throw RegistryErrors.fromResponse(response, call.context());
    }
    response.body().close();
    if (response.statusCode() == 201) {
      return Optional.empty();
    }
    return Optional.of(location(response, uri, context));
  }

  private URI startSession(RequestContext context) throws RegistryException, IOException {
    URI uri = URI.create("/v2/" + repository.name() + "/blobs/uploads/");
    RegistryCall call =
        RegistryCall.of("POST", uri, Map.of(), Scope.push(repository.name()), context)
            .withBody(RequestBody.EMPTY);
    Response response = transport.send(call);
    if (response.statusCode() != 202) {
      throw RegistryErrors.fromResponse(response, context);
    }
    response.body().close();
    return location(response, transport.resolve(uri.getPath(), context), context);
  }

  /** Sends the blob into a session. Returns empty when done, or the session that expired. */
  private Optional<URI> upload(
      URI session, Descriptor blob, BlobSource source, RequestContext context)
      throws RegistryException, IOException {
    long chunkSize = transport.settings().chunkSize();
    URI current = session;
    if (blob.size() > chunkSize) {
      // PATCH each chunk; the registry returns the session's next location each time.
      for (long offset = 0; offset < blob.size(); offset += chunkSize) {
        long length = Math.min(chunkSize, blob.size() - offset);
        Map<String, String> headers =
            Map.of(
                "Content-Type",
                OCTET_STREAM,
                "Content-Range",
                offset + "-" + (offset + length - 1));
        RegistryCall patch =
            RegistryCall.of("PATCH", current, headers, Scope.push(repository.name()), context)
                .withBody(range(source, blob, offset, length));
        Response response = transport.send(patch);
        if (isExpired(response.statusCode())) {
          response.body().close();
          return Optional.of(current);
        }
        if (response.statusCode() != 202) {
          throw RegistryErrors.fromResponse(response, context);
        }
        response.body().close();
        current = location(response, current, context);
      }
      return close(current, blob, RequestBody.EMPTY, context);
    }
    return close(current, blob, range(source, blob, 0, blob.size()), context);
  }

  /** PUT with the digest, which ends the session. */
  private Optional<URI> close(
      URI session, Descriptor blob, RequestBody body, RequestContext context)
      throws RegistryException, IOException {
    String separator = session.getRawQuery() == null ? "?" : "&";
    URI uri = URI.create(session + separator + "digest=" + encode(blob.digest().toString()));
    RegistryCall put =
        RegistryCall.of(
                "PUT",
                uri,
                Map.of("Content-Type", OCTET_STREAM),
                Scope.push(repository.name()),
                context)
            .withBody(body);
    Response response = transport.send(put);
    if (isExpired(response.statusCode())) {
      response.body().close();
      return Optional.of(session);
    }
    if (response.statusCode() != 201) {
      // A registry that computed another digest reports DIGEST_INVALID in the body.
      throw RegistryErrors.fromResponse(response, context);
    }
    response.body().close();
    Optional<String> stored = response.headers().firstValue("Docker-Content-Digest");
    if (stored.isPresent() && !stored.get().equals(blob.digest().toString())) {
      throw context.failure(
          RegistryException.Reason.INTEGRITY,
          201,
          "the registry stored the blob as "
              + context.redact(stored.get())
              + " instead of "
              + blob.digest(),
          null);
    }
    return Optional.empty();
  }

  private static boolean isExpired(int status) {
    return status == 404 || status == 416;
  }

  private static URI location(Response response, URI base, RequestContext context)
      throws RegistryException {
    String value = response.headers().firstValue("Location").orElse("");
    if (value.isEmpty()) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL,
          response.statusCode(),
          "the upload response has no Location header",
          null);
    }
    try {
      return base.resolve(new URI(value));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw context.failure(
          RegistryException.Reason.PROTOCOL,
          response.statusCode(),
          "the upload response has an invalid Location header",
          e);
    }
  }

  private static RequestBody range(BlobSource source, Descriptor blob, long offset, long length) {
    return StreamBody.range(source, offset, length, "blob " + blob.digest());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
