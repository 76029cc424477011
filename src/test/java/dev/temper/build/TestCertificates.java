package dev.temper.build;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A throwaway CA and a server certificate for 127.0.0.1 that it signed, made with keytool. */
final class TestCertificates {
  private static final String PASSWORD = "changeit";

  final Path caPem;
  final Path serverStore;

  private TestCertificates(Path caPem, Path serverStore) {
    this.caPem = caPem;
    this.serverStore = serverStore;
  }

  static TestCertificates create(Path directory) throws Exception {
    Files.createDirectories(directory);
    Path ca = directory.resolve("ca.p12");
    Path caPem = directory.resolve("test-ca.pem");
    Path server = directory.resolve("server.p12");
    Path request = directory.resolve("server.csr");
    Path serverPem = directory.resolve("server.pem");
    keytool(
        "-genkeypair",
        "-keystore",
        ca.toString(),
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-dname",
        "CN=temper test CA",
        "-ext",
        "bc:c",
        "-validity",
        "3650");
    keytool(
        "-exportcert",
        "-rfc",
        "-keystore",
        ca.toString(),
        "-alias",
        "ca",
        "-file",
        caPem.toString());
    keytool(
        "-genkeypair",
        "-keystore",
        server.toString(),
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-dname",
        "CN=127.0.0.1",
        "-validity",
        "3650");
    keytool(
        "-certreq",
        "-keystore",
        server.toString(),
        "-alias",
        "server",
        "-file",
        request.toString());
    keytool(
        "-gencert",
        "-keystore",
        ca.toString(),
        "-alias",
        "ca",
        "-rfc",
        "-infile",
        request.toString(),
        "-outfile",
        serverPem.toString(),
        "-ext",
        "san=ip:127.0.0.1",
        "-ext",
        "eku=serverAuth",
        "-validity",
        "3650");
    keytool(
        "-importcert",
        "-noprompt",
        "-keystore",
        server.toString(),
        "-alias",
        "ca",
        "-file",
        caPem.toString());
    keytool(
        "-importcert",
        "-keystore",
        server.toString(),
        "-alias",
        "server",
        "-file",
        serverPem.toString());
    return new TestCertificates(caPem, server);
  }

  /** Returns a TLS context that presents the server certificate. */
  SSLContext serverContext() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(serverStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static void keytool(String... arguments) throws Exception {
    String[] command = new String[arguments.length + 3];
    command[0] = "keytool";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    command[arguments.length + 1] = "-storepass";
    command[arguments.length + 2] = PASSWORD;
    Fixtures.run(command);
  }
}
