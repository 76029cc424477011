package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.oci.Descriptor;
import dev.temper.oci.layout.OciLayout;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import dev.temper.testing.ProcessRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the commands on {@code oci:DIR} without a tag after signatures, attestations and bundle
 * referrers were stored in the layout, as separate processes, and checks that skopeo still reads
 * the layout.
 */
class SignedLayoutCommandsTest {
  private static final Map<String, String> PASSWORD = Map.of("COSIGN_PASSWORD", "secret");

  @TempDir Path dir;
  private Path layout;
  private Descriptor image;

  @BeforeEach
  void writeLayout() throws Exception {
    layout = dir.resolve("layout");
    image = writeImage("app", "1.0");
    temper(PASSWORD, "keygen").requireSuccess();
  }

  @Test
  void untaggedNameFindsSignedImage() throws Exception {
    String untagged = "oci:" + layout;
    Files.writeString(dir.resolve("bom.json"), "{\"bomFormat\":\"CycloneDX\"}");
    temper(PASSWORD, "sign", "--key", "cosign.key", "--bundle", "sig.json", untagged)
        .requireSuccess();
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
            "att.json",
            untagged)
        .requireSuccess();

    ProcessRun verify = temper(Map.of(), "verify", "--key", "cosign.pub", untagged);
    ProcessRun attestation =
        temper(Map.of(), "verify-attestation", "--key", "cosign.pub", untagged);
    ProcessRun resolve = temper(Map.of(), "resolve", untagged);
    ProcessRun inspect = temper(Map.of(), "inspect", untagged);
    ProcessRun sbom = temper(Map.of(), "sbom", untagged);
    ProcessRun copy = temper(Map.of(), "copy", untagged, "oci:" + dir.resolve("copy") + ":x");

    // The tag and index.json entries of the signature, the attestation and their two referrers.
    assertThat(OciLayout.open(layout).index().manifests()).hasSize(5);
    assertThat(verify.exitCode()).isZero();
    assertThat(verify.stderr()).startsWith("Verified 2 of 2 signatures for " + image.digest());
    assertThat(attestation.exitCode()).isZero();
    assertThat(attestation.stdout()).contains("\"predicateType\":\"https://cyclonedx.org/bom\"");
    assertThat(resolve.requireSuccess().stdout()).isEqualTo(image.digest() + "\n");
    assertThat(inspect.requireSuccess().stdout()).contains(image.digest().toString());
    assertThat(sbom.requireSuccess().stdout()).contains("\"bomFormat\" : \"CycloneDX\"");
    assertThat(copy.exitCode()).isZero();
    assertThat(OciLayout.open(dir.resolve("copy")).resolve("x").digest()).isEqualTo(image.digest());
    assertThat(skopeo("inspect", "--raw", untagged + ":1.0").requireSuccess().stdout())
        .isEqualTo(manifestText());
    assertThat(skopeo("copy", untagged + ":1.0", "dir:" + dir.resolve("skopeo")).exitCode())
        .isZero();
  }

  @Test
  void twoImagesNeedTag() throws Exception {
    writeImage("other", "2.0");
    temper(PASSWORD, "sign", "--key", "cosign.key", "oci:" + layout + ":1.0").requireSuccess();

    ProcessRun verify = temper(Map.of(), "verify", "--key", "cosign.pub", "oci:" + layout);
    ProcessRun inspect = temper(Map.of(), "inspect", "oci:" + layout);
    ProcessRun tagged = temper(Map.of(), "verify", "--key", "cosign.pub", "oci:" + layout + ":1.0");

    String expected =
        "temper: oci:"
            + layout
            + ": the layout has 2 images and none is tagged 'latest', so name one of them: oci:"
            + layout
            + ":1.0, oci:"
            + layout
            + ":2.0\n";
    assertThat(verify.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(verify.stderr()).isEqualTo(expected);
    assertThat(inspect.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(inspect.stderr()).isEqualTo(expected);
    assertThat(tagged.exitCode()).isZero();
  }

  /**
   * Checks the lock between processes end to end. Whether their index updates overlap depends on
   * how their start-ups line up, so {@code ConcurrentSigningTest} is the one that provokes the race
   * every time.
   */
  @Test
  void concurrentSignProcessesKeepEverySignature() throws Exception {
    int signers = 3;
    ExecutorService pool = Executors.newFixedThreadPool(signers);
    List<Future<ProcessRun>> runs = new ArrayList<>();
    try {
      for (int i = 0; i < signers; i++) {
        String annotation = "signer=" + i;
        runs.add(
            pool.submit(
                () ->
                    temper(
                        PASSWORD,
                        "sign",
                        "--key",
                        "cosign.key",
                        "-a",
                        annotation,
                        "--bundle",
                        "sig-" + annotation + ".json",
                        "oci:" + layout)));
      }
      for (Future<ProcessRun> run : runs) {
        assertThat(run.get(300, TimeUnit.SECONDS).exitCode()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }

    ProcessRun verify = temper(Map.of(), "verify", "--key", "cosign.pub", "oci:" + layout);

    assertThat(verify.exitCode()).isZero();
    // Each signer added one layer to the .sig manifest and one bundle referrer.
    assertThat(verify.stderr()).startsWith("Verified 6 of 6 signatures for " + image.digest());
    for (int i = 0; i < signers; i++) {
      assertThat(verify.stdout()).contains("\"signer\":\"" + i + "\"");
    }
  }

  private Descriptor writeImage(String content, String tag) throws Exception {
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      Descriptor manifest =
          TestImages.write(writer, List.of(new TarBuilder().file("etc/motd", content).build()));
      writer.tag(manifest, tag);
      writer.commit();
      return manifest;
    }
  }

  private String manifestText() throws Exception {
    return new String(OciLayout.open(layout).readDocument(image), StandardCharsets.UTF_8);
  }

  private ProcessRun skopeo(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
    command.addAll(List.of(arguments));
    return ProcessRun.run(dir, Map.of(), List.of(), command);
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
