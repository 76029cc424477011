package dev.temper.registry;

import java.io.InputStream;
import java.net.URI;

/**
 * One HTTP response, with its body still to be read. The reader closes the body, which gives the
 * connection back for the next request.
 *
 * @param request the request that this response is for
 * @param statusCode the HTTP status
 * @param headers the response headers
 * @param body the body, empty for a response that has none
 */
record Response(Request request, int statusCode, Headers headers, InputStream body) {
  /** Returns the target of the request. */
  URI uri() {
    return request.uri();
  }
}
