package dev.temper.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name with a password, or an identity token that a token server exchanges for access
 * tokens. {@link #toString} never shows the secret.
 *
 * @param username the user name, or null for an identity token
 * @param secret the password or identity token
 * @param identityToken whether {@code secret} is an identity (refresh) token
 */
public record Credentials(String username, String secret, boolean identityToken) {
  /** Creates user name and password credentials. */
  public static Credentials basic(String username, String password) {
    return new Credentials(username, password, false);
  }

  /** Creates identity token credentials, which docker stores with the user name {@code <token>}. */
  public static Credentials identity(String token) {
    return new Credentials(null, token, true);
  }

  /** Returns the value of an {@code Authorization: Basic} header. */
  String basicHeader() {
    String pair = username + ":" + secret;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return identityToken ? "Credentials[identity token]" : "Credentials[" + username + ", ***]";
  }
}
