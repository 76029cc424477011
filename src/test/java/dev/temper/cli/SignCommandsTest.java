package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.sign.ArtifactStore;
import dev.temper.testing.ProcessRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs keygen, sign, attest, verify and verify-attestation as separate processes, so that the
 * environment and a standard input that is not a terminal are real.
 */
class SignCommandsTest {
  private static final Map<String, String> PASSWORD = Map.of("COSIGN_PASSWORD", "secret");

  @TempDir Path dir;
  private String image;

  @BeforeEach
  void writeLayout() throws Exception {
    ArtifactStore store = ArtifactStore.ociLayout(dir.resolve("layout"));
    byte[] manifest = "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
    store.writeManifest(manifest, "application/vnd.oci.image.manifest.v1+json", "1.0");
    image = "oci:" + dir.resolve("layout") + ":1.0";
  }

  @Test
  void keygenWithoutPasswordOrTerminalFails() throws Exception {
    ProcessRun run = temper(Map.of(), "keygen");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.stderr())
        .isEqualTo(
            "temper: no password for the key: set COSIGN_PASSWORD (it may be empty) or run"
                + " on a terminal\n");
    assertThat(dir.resolve("cosign.key")).doesNotExist();
  }

  @Test
  void keygenAcceptsEmptyPasswordAndKeepsFiles() throws Exception {
    ProcessRun first =
        temper(Map.of("COSIGN_PASSWORD", ""), "keygen", "--output-key-prefix", "release");
    ProcessRun second =
        temper(Map.of("COSIGN_PASSWORD", ""), "keygen", "--output-key-prefix", "release");

    assertThat(first.exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("release.key")))
        .startsWith("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----");
    assertThat(Files.readString(dir.resolve("release.pub")))
        .startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(second.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(second.stderr())
        .endsWith("release.key: file exists; remove it or choose another" + " prefix\n");
  }

  @Test
  void signThenVerify() throws Exception {
    temper(PASSWORD, "keygen").requireSuccess();

    ProcessRun sign =
        temper(
            PASSWORD,
            "sign",
            "--key",
            "cosign.key",
            "-a",
            "team=platform",
            "--bundle",
            "sig.bundle.json",
            image);
    ProcessRun verify = temper(Map.of(), "verify", "--key", "cosign.pub", image);
    ProcessRun bundle =
        temper(Map.of(), "verify", "--key", "cosign.pub", "--bundle", "sig.bundle.json", image);

    assertThat(sign.exitCode()).isZero();
    assertThat(sign.stdout()).startsWith("Signed sha256:");
    assertThat(verify.exitCode()).isZero();
    assertThat(verify.stdout())
        .contains("\"docker-reference\":\"layout\"")
        .contains("\"team\":\"platform\"");
    // The tag layer and the bundle referrer that --bundle attached.
    assertThat(verify.stderr()).startsWith("Verified 2 of 2 signatures for sha256:");
    assertThat(bundle.exitCode()).isZero();
  }

  @Test
  void verifyWithOtherKeyExitsOne() throws Exception {
    temper(PASSWORD, "keygen").requireSuccess();
    temper(PASSWORD, "keygen", "--output-key-prefix", "other").requireSuccess();
    temper(PASSWORD, "sign", "--key", "cosign.key", image).requireSuccess();

    ProcessRun run = temper(Map.of(), "verify", "--key", "other.pub", image);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.POLICY_FAILED);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr())
        .contains("layer 1: not verified: signature does not verify with the" + " given key")
        .contains("temper: no valid signature found for sha256:");
  }

  @Test
  void unsignedImageExitsOne() throws Exception {
    temper(PASSWORD, "keygen").requireSuccess();

    ProcessRun run = temper(Map.of(), "verify", "--key", "cosign.pub", image);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.POLICY_FAILED);
    assertThat(run.stderr()).contains("temper: no signature found for sha256:");
  }

  @Test
  void wrongPasswordExitsThree() throws Exception {
    temper(PASSWORD, "keygen").requireSuccess();

    ProcessRun run =
        temper(Map.of("COSIGN_PASSWORD", "wrong"), "sign", "--key", "cosign.key", image);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.stderr())
        .isEqualTo(
            "temper: cosign.key: cannot decrypt the private key: wrong"
                + " password or altered file\n");
  }

  @Test
  void attestThenVerifyAttestation() throws Exception {
    temper(PASSWORD, "keygen").requireSuccess();
    Files.writeString(dir.resolve("bom.json"), "{\"bomFormat\":\"CycloneDX\"}");

    ProcessRun attest =
        temper(
            PASSWORD,
            "attest",
            "--key",
            "cosign.key",
            "--type",
            "cyclonedx",
            "--predicate",
            "bom.json",
            "--bundle",
            "att.bundle.json",
            image);
    ProcessRun any = temper(Map.of(), "verify-attestation", "--key", "cosign.pub", image);
    ProcessRun spdx =
        temper(Map.of(), "verify-attestation", "--key", "cosign.pub", "--type", "spdx", image);
    ProcessRun bundle =
        temper(
            Map.of(),
            "verify-attestation",
            "--key",
            "cosign.pub",
            "--bundle",
            "att.bundle.json",
            image);

    assertThat(attest.exitCode()).isZero();
    assertThat(any.exitCode()).isZero();
    assertThat(any.stdout()).contains("\"predicateType\":\"https://cyclonedx.org/bom\"");
    assertThat(spdx.exitCode()).isEqualTo(ExitCodes.POLICY_FAILED);
    assertThat(spdx.stderr())
        .contains(
            "predicate type is https://cyclonedx.org/bom, expected" + " https://spdx.dev/Document");
    assertThat(bundle.exitCode()).isZero();
  }

  @Test
  void notALayoutIsInvalidInput() throws Exception {
    ProcessRun run = temper(Map.of(), "verify", "--key", "cosign.pub", "dir:rootfs");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.stderr())
        .isEqualTo(
            "temper: image 'dir:rootfs' is not supported"
                + " here: use oci:DIR[:TAG] or HOST/REPOSITORY:TAG\n");
  }

  private ProcessRun temper(Map<String, String> environment, String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.temper.cli.Main"));
    command.addAll(List.of(arguments));
    return ProcessRun.run(dir, environment, List.of("COSIGN_PASSWORD"), command);
  }
}
