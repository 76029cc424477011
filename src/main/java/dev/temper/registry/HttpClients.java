package dev.temper.registry;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The HTTP stack of the registries: one {@link BlockingSender}, whose TLS context is built on the
 * first HTTPS request. Loading the system trust store takes a noticeable part of a short command's
 * time, and a registry on loopback never needs it.
 */
final class HttpClients {
  private final Path caFile;
  private final BlockingSender sender;
  private volatile SSLContext tls;

  /**
   * Creates the stack and, when {@code caFile} is set, the TLS context too, so that a bad CA file
   * is reported before any request.
   *
   * @throws InvalidInputException when the CA file cannot be read or contains no certificate
   */
  HttpClients(Duration connectTimeout, Path caFile) throws InvalidInputException, IOException {
    this.caFile = caFile;
    this.sender = new BlockingSender(connectTimeout, () -> tls().getSocketFactory());
    if (caFile != null) {
      this.tls = TlsContexts.create(caFile);
    }
  }

  /** Sends {@code request} and returns the response with its body still to be read. */
  Response send(Request request) throws IOException {
    return sender.send(request);
  }

  /** Returns whether the TLS context was built, which no plain HTTP request needs. */
  boolean tlsLoaded() {
    return tls != null;
  }

  private SSLContext tls() {
    SSLContext known = tls;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (tls == null) {
        try {
          tls = TlsContexts.create(caFile);
        } catch (InvalidInputException | IOException e) {
          throw new IllegalStateException(
              "cannot read the CA file " + caFile + " again: " + e.getMessage(), e);
        }
      }
      return tls;
    }
  }
}
