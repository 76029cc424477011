package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.cache.DownloadListener;
import dev.temper.oci.Platform;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authenticates against the real distribution registry: htpasswd basic auth behind TLS with a test
 * CA, and token auth with a token server written for the test, {@link TokenServer}.
 */
class RegistryAuthTest {
  private static final Platform AMD64 = new Platform("linux", "amd64", null);
  private static final String USER = "tester";
  private static final String PASSWORD = "pa55-w0rd-never-logged";

  @TempDir Path temp;

  private static RegistryClient client(
      DistributionServer server,
      RegistrySettings settings,
      CredentialSource credentials,
      String name)
      throws Exception {
    return new Registries(settings, credentials, DownloadListener.NONE)
        .open(new Repository(server.host(), name));
  }

  @Test
  void basicAuthBehindTlsPushesAndPulls() throws Exception {
    TestCertificates.ServerTls tls = TestCertificates.serverTls(temp.resolve("tls"));
    Path htpasswd = TestCertificates.htpasswd(temp, USER, PASSWORD);
    DistributionServer.Options options =
        DistributionServer.Options.open()
            .withTls(tls.serverCertificate(), tls.serverKey())
            .withHtpasswd(htpasswd);
    try (DistributionServer server = DistributionServer.start(temp.resolve("registry"), options)) {
      RegistrySettings trusting = RegistrySettings.defaults().withCaFile(tls.caCertificate());
      RegistryClient client =
          client(
              server,
              trusting,
              CredentialSource.fixed(Credentials.basic(USER, PASSWORD)),
              "auth/basic");
      TestImage image = TestImage.single(AMD64, "basic");

      image.push(client, "v1");

      assertThat(client.resolve("v1")).isEqualTo(image.digest());
    }
  }

  @Test
  void basicAuthFailuresNameTheFix() throws Exception {
    TestCertificates.ServerTls tls = TestCertificates.serverTls(temp.resolve("tls"));
    Path htpasswd = TestCertificates.htpasswd(temp, USER, PASSWORD);
    DistributionServer.Options options =
        DistributionServer.Options.open()
            .withTls(tls.serverCertificate(), tls.serverKey())
            .withHtpasswd(htpasswd);
    try (DistributionServer server = DistributionServer.start(temp.resolve("registry"), options)) {
      RegistrySettings trusting = RegistrySettings.defaults().withCaFile(tls.caCertificate());
      String wrong = "wrong-" + PASSWORD;

      RegistryClient anonymous = client(server, trusting, CredentialSource.ANONYMOUS, "auth/basic");
      RegistryClient rejected =
          client(
              server,
              trusting,
              CredentialSource.fixed(Credentials.basic(USER, wrong)),
              "auth/basic");
      RegistryClient untrusting =
          client(
              server,
              RegistrySettings.defaults(),
              CredentialSource.fixed(Credentials.basic(USER, PASSWORD)),
              "auth/basic");

      assertThatThrownBy(() -> anonymous.pullManifest("v1"))
          .hasMessageEndingWith(
              "the registry requires credentials; pass --username and --password-stdin or add them to the auth file");
      assertThatThrownBy(() -> rejected.pullManifest("v1"))
          .hasMessageEndingWith(
              "the registry rejected the credentials; check the user name and password")
          .satisfies(e -> assertThat(e.toString()).doesNotContain(wrong));
      assertThatThrownBy(() -> untrusting.pullManifest("v1"))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("TLS connection to " + server.host() + " failed")
          .hasMessageEndingWith(
              "pass --ca-file with the CA certificate that signed the registry's certificate");
    }
  }

  @Test
  void commandsAndSkopeoShareTheTlsAuthRegistry() throws Exception {
    TestCertificates.ServerTls tls = TestCertificates.serverTls(temp.resolve("tls"));
    Path certDirectory = java.nio.file.Files.createDirectories(temp.resolve("certs"));
    java.nio.file.Files.copy(tls.caCertificate(), certDirectory.resolve("ca.crt"));
    Path htpasswd = TestCertificates.htpasswd(temp, USER, PASSWORD);
    DistributionServer.Options options =
        DistributionServer.Options.open()
            .withTls(tls.serverCertificate(), tls.serverKey())
            .withHtpasswd(htpasswd);
    try (DistributionServer server = DistributionServer.start(temp.resolve("registry"), options)) {
      TestImage image = TestImage.single(AMD64, "over TLS");
      Path layout = temp.resolve("layout");
      image.writeLayout(layout, "v1");
      String auth =
          java.util.Base64.getEncoder()
              .encodeToString(
                  (USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Path authFile = temp.resolve("auth.json");
      java.nio.file.Files.writeString(
          authFile, "{\"auths\":{\"" + server.host() + "\":{\"auth\":\"" + auth + "\"}}}");
      String creds = USER + ":" + PASSWORD;

      RegistryCommandsTest.Run push =
          RegistryCommandsTest.temper(
              "push",
              "--ca-file",
              tls.caCertificate().toString(),
              "--authfile",
              authFile.toString(),
              "oci:" + layout + ":v1",
              server.host() + "/auth/cli:v1");
      String inspected =
          dev.temper.oci.testing.Tools.run(
              "skopeo",
              "inspect",
              "--cert-dir",
              certDirectory.toString(),
              "--creds",
              creds,
              "docker://" + server.host() + "/auth/cli:v1");
      dev.temper.oci.testing.Tools.run(
          "skopeo",
          "copy",
          "--dest-cert-dir",
          certDirectory.toString(),
          "--dest-creds",
          creds,
          "oci:" + layout + ":v1",
          "docker://" + server.host() + "/auth/from-skopeo:v1");
      RegistryCommandsTest.Run untrusted =
          RegistryCommandsTest.temper(
              "resolve", "--authfile", authFile.toString(), server.host() + "/auth/from-skopeo:v1");
      RegistryCommandsTest.Run pull =
          RegistryCommandsTest.temper(
              "pull",
              "--ca-file",
              tls.caCertificate().toString(),
              "--authfile",
              authFile.toString(),
              server.host() + "/auth/from-skopeo:v1",
              "oci:" + temp.resolve("pulled"));

      assertThat(push.exitCode()).as(push.err()).isZero();
      assertThat(dev.temper.oci.OciJson.mapper().readTree(inspected).path("Digest").asText())
          .isEqualTo(image.digest().toString());
      assertThat(untrusted.exitCode()).isEqualTo(4);
      assertThat(untrusted.err()).contains("pass --ca-file");
      assertThat(pull.exitCode()).as(pull.err()).isZero();
      assertThat(pull.out().strip()).isEqualTo(image.digest().toString());
    }
  }

  @Test
  void tokenAuthFetchesAndCachesTokensPerScope() throws Exception {
    TestCertificates.TokenSigner signer = TestCertificates.tokenSigner(temp.resolve("token"));
    try (TokenServer tokens = new TokenServer(signer, USER, PASSWORD);
        DistributionServer server =
            DistributionServer.start(
                temp.resolve("registry"),
                DistributionServer.Options.open()
                    .withToken(tokens.realm(), signer.certificate()))) {
      Registries registries =
          new Registries(
              RegistrySettings.defaults(),
              CredentialSource.fixed(Credentials.basic(USER, PASSWORD)),
              DownloadListener.NONE);
      RegistryClient client = registries.open(new Repository(server.host(), "auth/token"));
      TestImage image = TestImage.single(AMD64, "token");

      image.push(client, "v1");
      int afterPush = tokens.scopeRequests().size();
      client.pullManifest("v1");
      client.pullManifest(image.digest().toString());
      int afterPulls = tokens.scopeRequests().size();
      client.pullManifest("v1");

      assertThat(client.resolve("v1")).isEqualTo(image.digest());
      assertThat(tokens.scopeRequests().get(0)).containsExactly("repository:auth/token:pull,push");
      assertThat(afterPush).isEqualTo(1);
      assertThat(afterPulls).isEqualTo(2);
      assertThat(tokens.scopeRequests()).hasSize(2);
      assertThat(tokens.scopeRequests().get(1)).contains("repository:auth/token:pull");
    }
  }

  @Test
  void tokenAuthMountsAcrossRepositories() throws Exception {
    TestCertificates.TokenSigner signer = TestCertificates.tokenSigner(temp.resolve("token"));
    try (TokenServer tokens = new TokenServer(signer, USER, PASSWORD);
        DistributionServer server =
            DistributionServer.start(
                temp.resolve("registry"),
                DistributionServer.Options.open()
                    .withToken(tokens.realm(), signer.certificate()))) {
      Registries registries =
          new Registries(
              RegistrySettings.defaults(),
              CredentialSource.fixed(Credentials.basic(USER, PASSWORD)),
              DownloadListener.NONE);
      RegistryClient source = registries.open(new Repository(server.host(), "auth/source"));
      RegistryClient target = registries.open(new Repository(server.host(), "auth/target"));
      TestImage image = TestImage.single(AMD64, "mounted with a token");
      image.push(source, "v1");

      RegistryClient.PushOutcome outcome =
          target.pushBlob(
              image.layers().get(0),
              BlobSource.ofBytes(image.blobs().get(image.layers().get(0).digest())),
              java.util.Optional.of(source.repository()));

      assertThat(outcome).isEqualTo(RegistryClient.PushOutcome.MOUNTED);
      assertThat(tokens.scopeRequests())
          .anySatisfy(
              scopes ->
                  assertThat(scopes)
                      .contains("repository:auth/source:pull", "repository:auth/target:pull,push"));
    }
  }

  @Test
  void tokenServerRejectionIsUnauthorized() throws Exception {
    TestCertificates.TokenSigner signer = TestCertificates.tokenSigner(temp.resolve("token"));
    try (TokenServer tokens = new TokenServer(signer, USER, PASSWORD);
        DistributionServer server =
            DistributionServer.start(
                temp.resolve("registry"),
                DistributionServer.Options.open()
                    .withToken(tokens.realm(), signer.certificate()))) {
      RegistryClient client =
          client(
              server,
              RegistrySettings.defaults(),
              CredentialSource.fixed(Credentials.basic(USER, "not-" + PASSWORD)),
              "auth/token");

      assertThatThrownBy(() -> client.pullManifest("v1"))
          .isInstanceOf(RegistryException.class)
          .hasMessage(
              "pull manifest of tag v1 on "
                  + server.host()
                  + "/auth/token failed (HTTP 401): the token server rejected the credentials; check the user name and password")
          .extracting(e -> ((RegistryException) e).reason())
          .isEqualTo(RegistryException.Reason.UNAUTHORIZED);
    }
  }
}
