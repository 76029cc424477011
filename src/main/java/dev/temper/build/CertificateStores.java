package dev.temper.build;

import dev.temper.archive.Content;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the CA bundle {@code /etc/ssl/certs/ca-certificates.crt} from the packaged certificates
 * ({@code /usr/share/ca-certificates/**.crt}, all enabled, as update-ca-certificates would) plus
 * the spec's extra certificates, and, when a JRE is present, the Java trust store {@code
 * /etc/ssl/certs/java/cacerts} from the same certificates.
 */
final class CertificateStores {
  static final String ORIGIN = "certificates";
  static final String BUNDLE = "etc/ssl/certs/ca-certificates.crt";
  static final String JAVA_TRUST_STORE = "etc/ssl/certs/java/cacerts";
  private static final String PACKAGED = "usr/share/ca-certificates";

  /** Limit of one extra certificate file. */
  static final long MAX_CERTIFICATE_FILE_BYTES = 1 << 20;

  private CertificateStores() {}

  /**
   * Writes the bundle and, when {@code withJava}, the trust store.
   *
   * @return the number of certificates written, 0 when there were none and nothing was written
   */
  // NOTE: the OpenSSL subject-hash links (/etc/ssl/certs/<hash>.0) that update-ca-certificates
  // also makes are not written, so programs that read only a CA directory find no certificates.
  static int apply(FileTree tree, List<Path> extraCertificates, boolean withJava)
      throws InvalidInputException, IOException {
    Map<String, X509Certificate> byAlias = new LinkedHashMap<>();
    StringBuilder bundle = new StringBuilder();
    for (FileTree.Node node : List.copyOf(tree.below(PACKAGED))) {
      FileEntry entry = node.entry();
      if (entry.type() != EntryType.FILE || !entry.path().endsWith(".crt")) {
        continue;
      }
      byte[] pem = readAll(entry.content());
      String name = entry.path().substring(entry.path().lastIndexOf('/') + 1);
      List<X509Certificate> parsed = parse(pem, "/" + entry.path());
      String text = new String(pem, StandardCharsets.US_ASCII);
      bundle.append(text);
      if (!text.endsWith("\n")) {
        bundle.append('\n');
      }
      addAll(byAlias, "debian:" + name.replace(".crt", ".pem"), parsed);
    }
    for (Path file : extraCertificates) {
      if (Files.size(file) > MAX_CERTIFICATE_FILE_BYTES) {
        throw new InvalidInputException(file + ": certificate file larger than 1 MiB");
      }
      List<X509Certificate> parsed = parse(Files.readAllBytes(file), file.toString());
      for (X509Certificate certificate : parsed) {
        bundle.append(pem(certificate));
      }
      addAll(byAlias, "temper:" + file.getFileName().toString().toLowerCase(Locale.ROOT), parsed);
    }
    if (byAlias.isEmpty()) {
      return 0;
    }
    tree.put(AccountFiles.text(BUNDLE, 0644, bundle), ORIGIN);
    if (withJava) {
      byte[] store = TrustStoreWriter.write(byAlias);
      tree.put(FileEntry.file(JAVA_TRUST_STORE, 0644, Content.of(store)), ORIGIN);
    }
    return byAlias.size();
  }

  private static void addAll(
      Map<String, X509Certificate> byAlias, String alias, List<X509Certificate> certificates) {
    for (int i = 0; i < certificates.size(); i++) {
      String unique = certificates.size() == 1 ? alias : alias + "-" + (i + 1);
      byAlias.put(unique, certificates.get(i));
    }
  }

  /**
   * Parses the PEM or DER certificates of one file.
   *
   * @throws InvalidInputException naming the file when it holds no valid certificate
   */
  static List<X509Certificate> parse(byte[] bytes, String name) throws InvalidInputException {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate :
          factory.generateCertificates(new ByteArrayInputStream(bytes))) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new InvalidInputException(name + ": no certificate found");
      }
      return certificates;
    } catch (CertificateException e) {
      throw ParseErrors.invalidCertificate(name, e);
    }
  }

  private static String pem(X509Certificate certificate) throws InvalidInputException {
    try {
      String body =
          Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new InvalidInputException("cannot encode certificate: " + e.getMessage(), e);
    }
  }

  static byte[] readAll(Content content) throws IOException {
    try (InputStream in = content.open()) {
      return in.readAllBytes();
    }
  }
}
