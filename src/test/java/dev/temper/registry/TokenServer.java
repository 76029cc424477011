package dev.temper.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small token server for the distribution registry's token authentication, written for the tests
 * because no token server package is available here. It checks basic credentials and issues an
 * ES256 JWT granting every requested action, with the signing certificate in the {@code x5c} header
 * so the registry can check it against its {@code rootcertbundle}.
 */
final class TokenServer implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final TestCertificates.TokenSigner signer;
  private final String expectedAuthorization;
  private final List<List<String>> scopeRequests = new CopyOnWriteArrayList<>();

  TokenServer(TestCertificates.TokenSigner signer, String user, String password)
      throws IOException {
    this.signer = signer;
    this.expectedAuthorization = Credentials.basic(user, password).basicHeader();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** Returns the scopes of each token request, in order. */
  List<List<String>> scopeRequests() {
    return List.copyOf(scopeRequests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      List<String> scopes = new ArrayList<>();
      String query = exchange.getRequestURI().getRawQuery();
      for (String pair : query == null ? new String[0] : query.split("&")) {
        if (pair.startsWith("scope=")) {
          scopes.add(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
        }
      }
      scopeRequests.add(scopes);
      byte[] body;
      try {
        String token = sign(scopes);
        body =
            JSON.writeValueAsBytes(
                JSON.createObjectNode().put("token", token).put("expires_in", 300));
      } catch (Exception e) {
        throw new IOException(e);
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private String sign(List<String> scopes) throws Exception {
    ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "ES256");
    header.putArray("x5c").add(Base64.getEncoder().encodeToString(signer.certificateDer()));
    long now = Instant.now().getEpochSecond();
    ObjectNode claims =
        JSON.createObjectNode()
            .put("iss", DistributionServer.TOKEN_ISSUER)
            .put("sub", "user")
            .put("aud", DistributionServer.TOKEN_SERVICE)
            .put("exp", now + 300)
            .put("nbf", now - 60)
            .put("iat", now)
            .put("jti", UUID.randomUUID().toString());

    ArrayNode access = claims.putArray("access");
    for (String scope : scopes) {
      String[] parts = scope.split(":");
      ObjectNode entry = access.addObject().put("type", parts[0]).put("name", parts[1]);
      ArrayNode actions = entry.putArray("actions");
      for (String action : parts[2].split(",")) {
        actions.add(action);
      }
    }

    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        url.encodeToString(JSON.writeValueAsBytes(header))
            + "."
            + url.encodeToString(JSON.writeValueAsBytes(claims));
    Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
    signature.initSign(signer.key());
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + url.encodeToString(signature.sign());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
