package dev.temper.registry;

import java.io.IOException;
import java.io.InputStream;

/** Reads the small JSON bodies of registry responses, such as tag lists and tokens. */
final class ResponseBodies {
  private ResponseBodies() {}

  /**
   * Reads at most {@code limit + 1} bytes of the body, so that the caller can tell a body over the
   * limit, and closes it.
   *
   * @throws RegistryException when the body cannot be read to its end, such as when the connection
   *     is cut or stalls, naming the registry and the operation
   */
  static byte[] read(Response response, int limit, RequestContext context)
      throws RegistryException, IOException {
    try (InputStream in = response.body()) {
      return in.readNBytes(limit + 1);
    } catch (java.io.InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      throw context.failure(
          RegistryException.Reason.UNAVAILABLE,
          response.statusCode(),
          "reading the response failed: " + RegistryTransport.describe(e),
          e);
    }
  }
}
