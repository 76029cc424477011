package dev.temper.registry;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs Debian's distribution registry, {@code /usr/bin/docker-registry}, on 127.0.0.1 with a free
 * port and storage in a temporary directory, optionally behind TLS and with htpasswd or token
 * authentication. {@link #close} stops it.
 */
public final class DistributionServer implements Closeable {
  static final Path BINARY = Path.of("/usr/bin/docker-registry");

  private final Process process;
  private final int port;
  private final Path log;

  private DistributionServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Options of the server. Null fields are left out of the configuration. */
  public record Options(
      Path certificate, Path key, Path htpasswd, String tokenRealm, Path tokenRootCertificate) {
    public static Options open() {
      return new Options(null, null, null, null, null);
    }

    Options withTls(Path newCertificate, Path newKey) {
      return new Options(newCertificate, newKey, htpasswd, tokenRealm, tokenRootCertificate);
    }

    Options withHtpasswd(Path file) {
      return new Options(certificate, key, file, tokenRealm, tokenRootCertificate);
    }

    Options withToken(String realm, Path rootCertificate) {
      return new Options(certificate, key, htpasswd, realm, rootCertificate);
    }
  }

  static final String TOKEN_SERVICE = "temper-test-registry";
  static final String TOKEN_ISSUER = "temper-test-issuer";

  /** Starts a server in {@code directory} and waits until it accepts connections. */
  public static DistributionServer start(Path directory, Options options)
      throws IOException, InterruptedException {
    int port = freePort();
    Path storage = Files.createDirectories(directory.resolve("storage"));
    Path config = directory.resolve("config.yml");
    Files.writeString(config, config(storage, port, options), StandardCharsets.UTF_8);
    Path log = directory.resolve("registry.log");
    Process process =
        new ProcessBuilder(BINARY.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    DistributionServer server = new DistributionServer(process, port, log);
    server.awaitListening();
    return server;
  }

  /** Returns {@code 127.0.0.1:PORT}. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  private static String config(Path storage, int port, Options options) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("version: 0.1\n")
        .append("log:\n  level: warn\n  accesslog:\n    disabled: true\n")
        .append("storage:\n  filesystem:\n    rootdirectory: ")
        .append(storage)
        .append("\n  delete:\n    enabled: true\n")
        .append("http:\n  addr: 127.0.0.1:")
        .append(port)
        .append("\n  secret: temper-test-upload-secret\n");
    if (options.certificate() != null) {
      yaml.append("  tls:\n    certificate: ")
          .append(options.certificate())
          .append("\n    key: ")
          .append(options.key())
          .append('\n');
    }
    if (options.htpasswd() != null) {
      yaml.append("auth:\n  htpasswd:\n    realm: temper-test\n    path: ")
          .append(options.htpasswd())
          .append('\n');
    } else if (options.tokenRealm() != null) {
      yaml.append("auth:\n  token:\n    realm: ")
          .append(options.tokenRealm())
          .append("\n    service: " + TOKEN_SERVICE + "\n    issuer: " + TOKEN_ISSUER + "\n")
          .append("    rootcertbundle: ")
          .append(options.tokenRootCertificate())
          .append('\n');
    }
    return yaml.toString();
  }

  private void awaitListening() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "docker-registry exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IllegalStateException(
        "docker-registry did not listen within 30 s:\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
