package dev.temper.cli;

import static dev.temper.testing.TestPackage.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.sign.KeyFiles;
import dev.temper.sign.SigningKey;
import dev.temper.testing.LoopbackServer;
import dev.temper.testing.ProcessRun;
import dev.temper.testing.PublishedArchive;
import dev.temper.testing.TestArchive;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code temper build --sign-key} and checks the signature and the SBOM and provenance
 * attestations it stores in the layout: against a signed suite on loopback, and against the real
 * Debian archive.
 */
class BuildSigningTest {
  private static final String PASSWORD = "build signing";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static LoopbackServer server;

  @BeforeAll
  static void setUp() throws Exception {
    PublishedArchive archive =
        TestArchive.create(dir.resolve("archive"))
            .suite("stable")
            .add(
                pkg("app", "1.0").depends("libgreet1").file("/usr/bin/app", "app\n"),
                pkg("libgreet1", "1.2+b1").file("/lib/x86_64-linux-gnu/libgreet.so.1", "lib\n"))
            .publish();
    server = LoopbackServer.serving(archive.root());
    Files.copy(archive.publicKey(), dir.resolve("key.gpg"));
    KeyFiles.writeKeyPair(
        dir.resolve("cosign"),
        SigningKey.generate(new SecureRandom()),
        PASSWORD.toCharArray(),
        new SecureRandom());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void signedBuildVerifies() throws Exception {
    Path spec =
        Files.writeString(
            dir.resolve("app.yaml"),
            "name: app\nrepositories:\n  - name: test\n    url: "
                + server.uri("/")
                + "\n    suites: [stable]\n    keyrings: [key.gpg]\npackages: [app]\n");
    String image = "oci:" + dir.resolve("out-app") + ":v1";

    ProcessRun build = build(spec, image);

    assertThat(build.exitCode()).as(build.stderr()).isZero();
    assertThat(build.stdout()).containsPattern("signed    sha256:[0-9a-f]{64} as sha256-");
    checkAttestations(image, spec, 2);
  }

  @Test
  void signKeyNeedsLayoutOutput() throws Exception {
    Path spec = dir.resolve("app-archive.yaml");
    Files.writeString(spec, "name: app\npackages: [app]\n");
    Path archive = dir.resolve("app.tar");

    ProcessRun build = build(spec, "docker-archive:" + archive);

    assertThat(build.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(build.stderr())
        .isEqualTo(
            "temper: --sign-key needs an oci: output, which stores the signatures beside the"
                + " image\n");
    assertThat(archive).doesNotExist();
  }

  @Test
  @Tag("archive")
  void signedArchiveBuildVerifies() throws Exception {
    Path spec = dir.resolve("static.yaml");
    Files.copy(Path.of("examples", "static.yaml"), spec);
    String image = "oci:" + dir.resolve("out-static") + ":test";

    ProcessRun build = build(spec, image);

    assertThat(build.exitCode()).as(build.stderr()).isZero();
    checkAttestations(image, spec, 1);
  }

  /** Verifies signature, SBOM and provenance, and checks the provenance against spec and lock. */
  private static void checkAttestations(String image, Path spec, int minPackages) throws Exception {
    String pub = dir.resolve("cosign.pub").toString();
    String[] verify = temper("verify", "--key", pub, image);
    String[] sbom = temper("verify-attestation", "--key", pub, "--type", "cyclonedx", image);
    String[] slsa = temper("verify-attestation", "--key", pub, "--type", "slsaprovenance", image);

    assertThat(verify[0]).as(verify[2]).isEqualTo("0");
    assertThat(sbom[0]).as(sbom[2]).isEqualTo("0");
    JsonNode bom = JSON.readTree(sbom[1]).path("predicate");
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(slsa[0]).as(slsa[2]).isEqualTo("0");
    JsonNode statement = JSON.readTree(slsa[1]);
    assertThat(statement.path("predicateType").asText())
        .isEqualTo("https://slsa.dev/provenance/v1");
    JsonNode definition = statement.path("predicate").path("buildDefinition");
    String specDigest =
        definition.path("externalParameters").path("spec").path("digest").path("sha256").asText();
    assertThat(specDigest).isEqualTo(sha256(spec));

    Path lockFile =
        spec.resolveSibling(spec.getFileName().toString().replace(".yaml", ".lock.json"));
    JsonNode lock = JSON.readTree(lockFile.toFile());
    Set<String> listed = new TreeSet<>();
    for (JsonNode dependency : definition.path("resolvedDependencies")) {
      listed.add(
          dependency.path("name").asText()
              + " "
              + dependency.path("digest").path("sha256").asText());
    }
    Set<String> expected = new TreeSet<>();
    expected.add(lockFile.getFileName() + " " + sha256(lockFile));
    for (JsonNode pin : lock.path("packages")) {
      expected.add(pin.path("filename").asText() + " " + pin.path("sha256").asText());
    }
    for (JsonNode release : lock.path("repositories")) {
      expected.add(
          "dists/"
              + release.path("suite").asText()
              + "/InRelease "
              + release.path("inReleaseSha256").asText());
    }
    assertThat(lock.path("packages").size()).isGreaterThanOrEqualTo(minPackages);
    assertThat(listed).isEqualTo(expected);
  }

  private static String sha256(Path file) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    return HexFormat.of().formatHex(digest);
  }

  /** Builds in a JVM of its own, which reads COSIGN_PASSWORD from its environment. */
  private static ProcessRun build(Path spec, String output) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.temper.cli.Main",
                "build",
                spec.toString(),
                "--output",
                output,
                "--sign-key",
                dir.resolve("cosign.key").toString()));
    return ProcessRun.run(
        dir, Map.of("COSIGN_PASSWORD", PASSWORD), List.of("COSIGN_PASSWORD"), command);
  }

  private static String[] temper(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }
}
