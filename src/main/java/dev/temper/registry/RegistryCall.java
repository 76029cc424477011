package dev.temper.registry;

import java.net.URI;
import java.util.Map;

/**
 * One request to a registry.
 *
 * @param method the HTTP method
 * @param uri the target, absolute or relative to the registry's base
 * @param headers the request headers other than authorization
 * @param body the body, opened again for each attempt, or null for none
 * @param scope the access the request needs
 * @param context what the request is for, for error messages
 * @param followRedirects whether redirects are followed
 */
record RegistryCall(
    String method,
    URI uri,
    Map<String, String> headers,
    RequestBody body,
    Scope scope,
    RequestContext context,
    boolean followRedirects) {
  RegistryCall {
    headers = Map.copyOf(headers);
  }

  /** Creates a request without a body that follows redirects. */
  static RegistryCall of(
      String method, URI uri, Map<String, String> headers, Scope scope, RequestContext context) {
    return new RegistryCall(method, uri, headers, null, scope, context, true);
  }

  /** Returns the same request with a body. */
  RegistryCall withBody(RequestBody newBody) {
    return new RegistryCall(method, uri, headers, newBody, scope, context, followRedirects);
  }
}
