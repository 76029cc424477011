package dev.temper.registry;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.error.IntegrityException;
import dev.temper.oci.Descriptor;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Pulls a blob into the content cache, {@code GET /v2/NAME/blobs/DIGEST}, following redirects to
 * storage on other hosts without sending credentials there. The blob lands in the cache only after
 * its size and digest match the descriptor. A body cut short is pulled again from the start, under
 * the same bounded retries as failed requests.
 */
final class BlobPuller {
  private final RegistryTransport transport;
  private final Repository repository;
  private final DownloadListener listener;

  BlobPuller(RegistryTransport transport, Repository repository, DownloadListener listener) {
    this.transport = transport;
    this.repository = repository;
    this.listener = listener;
  }

  /**
   * Returns the cached blob of {@code blob}, pulling it first when the cache lacks it.
   *
   * @param recheckCached whether a cached copy is hashed again, and pulled anew when it changed
   * @throws RegistryException when the blob is missing, keeps failing, or fails its check
   */
  PulledBlob pull(Descriptor blob, ContentCache cache, boolean recheckCached)
      throws RegistryException, IOException {
    RequestContext context =
        RequestContext.of(repository, "pull blob " + blob.digest(), transport.secrets());
    if (!blob.digest().algorithm().equals("sha256")) {
      throw context.failure(
          RegistryException.Reason.INTEGRITY, -1, "only sha256 blobs can be cached", null);
    }
    Optional<Path> cached =
        recheckCached ? cache.findIntact(blob.digest().hex()) : cache.find(blob.digest().hex());
    if (cached.isPresent()) {
      return new PulledBlob(cached.get(), false);
    }
    String name = blob.digest().toString();
    listener.started(name, blob.size());
    Path path = transport.withRetries(context, () -> pullOnce(blob, cache, context));
    listener.finished(name);
    return new PulledBlob(path, true);
  }

  private Path pullOnce(Descriptor blob, ContentCache cache, RequestContext context)
      throws RegistryException, IOException, Transient {
    URI uri = URI.create("/v2/" + repository.name() + "/blobs/" + blob.digest());
    RegistryCall call =
        RegistryCall.of("GET", uri, Map.of(), Scope.pull(repository.name()), context);
    Response response = transport.send(call);
    if (response.statusCode() != 200) {
      throw RegistryErrors.fromResponse(response, context);
    }
    long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    // A complete response announces exactly the blob's size; a shorter one is not worth a retry.
    if (announced >= 0 && announced != blob.size()) {
      response.body().close();
      throw context.failure(
          RegistryException.Reason.INTEGRITY,
          200,
          "size mismatch, expected "
              + blob.size()
              + " bytes but the registry announced "
              + announced,
          null);
    }
    String display = repository + "@" + blob.digest();
    try (CountingStream body =
        new CountingStream(response.body(), blob.digest().toString(), listener)) {
      try {
        return cache.put(body, blob.size(), blob.digest().hex(), display);
      } catch (IntegrityException e) {
        if (body.count < blob.size() && !body.failed) {
          throw new Transient(
              "body ended after " + body.count + " of " + blob.size() + " bytes", e, null);
        }
        throw context.failure(RegistryException.Reason.INTEGRITY, 200, e.getMessage(), e);
      } catch (IOException e) {
        if (body.failed && !Thread.currentThread().isInterrupted()) {
          throw new Transient(
              "body failed after " + body.count + " bytes: " + RegistryTransport.describe(e),
              e,
              null);
        }
        throw e;
      }
    }
  }

  /** Counts the bytes of a body and remembers whether reading it failed. */
  private static final class CountingStream extends FilterInputStream {
    private final String name;
    private final DownloadListener listener;
    long count;
    boolean failed;

    CountingStream(InputStream in, String name, DownloadListener listener) {
      super(in);
      this.name = name;
      this.listener = listener;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read;
      try {
        read = in.read(buffer, offset, length);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
      if (read > 0) {
        count += read;
        listener.progressed(name, count);
      }
      return read;
    }
  }
}
