package dev.temper.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes throwaway keys and certificates with {@code openssl}: a test CA with a server certificate
 * for 127.0.0.1, and a self-signed EC certificate that signs registry tokens.
 */
final class TestCertificates {
  private TestCertificates() {}

  /** A CA and a server certificate it signed, as PEM files. */
  record ServerTls(Path caCertificate, Path serverCertificate, Path serverKey) {}

  /** A self-signed token signing certificate and its private key. */
  record TokenSigner(Path certificate, PrivateKey key, byte[] certificateDer) {}

  static ServerTls serverTls(Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    Path ca = directory.resolve("ca.crt");
    Path caKey = directory.resolve("ca.key");
    openssl(
        directory,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        caKey.toString(),
        "-out",
        ca.toString(),
        "-days",
        "2",
        "-subj",
        "/CN=temper test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign");

    Path key = directory.resolve("server.key");
    Path request = directory.resolve("server.csr");
    openssl(
        directory,
        "req",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        request.toString(),
        "-subj",
        "/CN=127.0.0.1");

    Path extensions = directory.resolve("server.ext");
    Files.writeString(
        extensions,
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    Path certificate = directory.resolve("server.crt");
    openssl(
        directory,
        "x509",
        "-req",
        "-in",
        request.toString(),
        "-CA",
        ca.toString(),
        "-CAkey",
        caKey.toString(),
        "-CAcreateserial",
        "-out",
        certificate.toString(),
        "-days",
        "2",
        "-extfile",
        extensions.toString());
    return new ServerTls(ca, certificate, key);
  }

  static TokenSigner tokenSigner(Path directory) throws Exception {
    Files.createDirectories(directory);
    Path key = directory.resolve("token.key");
    Path certificate = directory.resolve("token.crt");
    openssl(
        directory,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        certificate.toString(),
        "-days",
        "2",
        "-subj",
        "/CN=temper test token signer");
    Path pkcs8 = directory.resolve("token.pk8");
    openssl(
        directory,
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        key.toString(),
        "-outform",
        "DER",
        "-out",
        pkcs8.toString());
    Path der = directory.resolve("token.der");
    openssl(
        directory,
        "x509",
        "-in",
        certificate.toString(),
        "-outform",
        "DER",
        "-out",
        der.toString());
    PrivateKey privateKey =
        KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(pkcs8)));
    return new TokenSigner(certificate, privateKey, Files.readAllBytes(der));
  }

  /** Writes an htpasswd file with one bcrypt entry, made by {@code htpasswd -B}. */
  static Path htpasswd(Path directory, String user, String password)
      throws IOException, InterruptedException {
    Path file = directory.resolve("htpasswd");
    Process process =
        new ProcessBuilder("htpasswd", "-Bbn", user, password).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "htpasswd failed: " + new String(output, StandardCharsets.UTF_8));
    }
    Files.write(file, output);
    return file;
  }

  private static void openssl(Path directory, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(
          "openssl "
              + String.join(" ", arguments)
              + " failed: "
              + new String(output, StandardCharsets.UTF_8));
    }
  }
}
