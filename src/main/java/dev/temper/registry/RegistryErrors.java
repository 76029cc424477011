package dev.temper.registry;

import dev.temper.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Maps registry error responses to {@link RegistryException}: the one place that decides what an
 * HTTP status means. The first entry of the distribution spec's error body, {@code
 * {"errors":[{"code","message"}]}}, is added to the message when the body has one, with the
 * client's secrets redacted, because some registries echo the request's {@code Authorization}
 * header there.
 */
final class RegistryErrors {
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final int MAX_MESSAGE_CHARS = 300;

  private RegistryErrors() {}

  /** Reads and closes the body of a failed response and returns the matching exception. */
  static RegistryException fromResponse(Response response, RequestContext context) {
    int status = response.statusCode();
    String detail = describe(status) + errorBody(response, context);
    return context.failure(reasonFor(status), status, detail, null);
  }

  /** Returns the reason for a failed HTTP status. */
  static RegistryException.Reason reasonFor(int status) {
    return switch (status) {
      case 401 -> RegistryException.Reason.UNAUTHORIZED;
      case 403 -> RegistryException.Reason.DENIED;
      case 404, 410 -> RegistryException.Reason.NOT_FOUND;
      case 413 -> RegistryException.Reason.TOO_LARGE;
      case 429, 500, 502, 503, 504 -> RegistryException.Reason.UNAVAILABLE;
      default -> RegistryException.Reason.REJECTED;
    };
  }

  private static String describe(int status) {
    return switch (status) {
      case 401 -> "authentication failed; check the credentials";
      case 403 -> "access denied; the credentials do not allow this operation";
      case 404 -> "not found";
      case 405 -> "the registry does not support this operation";
      case 413 -> "the registry rejected the content as too large";
      default -> "unexpected response";
    };
  }

  private static String errorBody(Response response, RequestContext context) {
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      return "";
    }
    try {
      JsonValue first = JsonValue.parse(body).path("errors").path(0);
      String code = first.path("code").asText("");
      String message = first.path("message").asText("");
      if (code.isEmpty() && message.isEmpty()) {
        return "";
      }
      return " (" + clip(context.redact(code + (message.isEmpty() ? "" : ": " + message))) + ")";
    } catch (IOException | RuntimeException e) {
      // Not a distribution error body, such as an HTML page from a proxy.
      return body.length == 0
          ? ""
          : " (" + clip(context.redact(new String(body, StandardCharsets.UTF_8).strip())) + ")";
    }
  }

  private static String clip(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_MESSAGE_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_MESSAGE_CHARS) + "...";
  }
}
