package dev.temper.registry;

import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the TLS context of registry connections: the system trust store plus a CA file. */
final class TlsContexts {
  private TlsContexts() {}

  /**
   * Returns a context that trusts the system's CAs and, when {@code caFile} is not null, the PEM
   * certificates in it.
   *
   * @throws InvalidInputException when the CA file cannot be read or holds no certificate
   */
  static SSLContext create(Path caFile) throws InvalidInputException, IOException {
    try {
      if (caFile == null) {
        return SSLContext.getDefault();
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int index = 0;
      for (X509Certificate system : systemCertificates()) {
        trusted.setCertificateEntry("system-" + index++, system);
      }
      for (Certificate extra : readPem(caFile)) {
        trusted.setCertificateEntry("ca-file-" + index++, extra);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static X509Certificate[] systemCertificates() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509.getAcceptedIssuers();
      }
    }
    return new X509Certificate[0];
  }

  private static Collection<? extends Certificate> readPem(Path caFile)
      throws InvalidInputException, IOException {
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new InvalidInputException(caFile + ": no PEM certificate found");
      }
      return certificates;
    } catch (CertificateException e) {
      throw ParseErrors.invalidCertificate(caFile, e);
    }
  }
}
