package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.build.ImageRunner;
import dev.temper.cache.DownloadListener;
import dev.temper.cli.Main;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.sbom.SbomFormat;
import dev.temper.testing.HardenedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes examples/java17 through a real docker-registry on loopback the way a team would: build and
 * push, copy to another repository (blobs mounted, not uploaded again), pull, and run under runc.
 */
@Tag("archive")
class Java17RegistryArchiveTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run temper(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void buildPushCopyPullAndRun() throws Exception {
    HardenedImage.layout();
    try (DistributionServer registry =
        DistributionServer.start(
            Files.createDirectories(dir.resolve("registry")), DistributionServer.Options.open())) {
      String pushed = registry.host() + "/temper/java17:1";
      Path spec = dir.resolve("java17.yaml");
      Files.copy(Path.of("examples", "java17.yaml"), spec);
      Path layout = dir.resolve("built");

      Run build = temper("build", spec.toString(), "-o", "oci:" + layout + ":1", "--push", pushed);
      assertThat(build.code()).as(build.out() + build.err()).isZero();
      String digest = temper("resolve", "oci:" + layout + ":1").out().strip();
      assertThat(build.out()).contains("pushed    " + pushed + "@" + digest);
      assertThat(temper("resolve", pushed).out().strip()).isEqualTo(digest);
      // The SBOM that the build attaches in the layout is pushed as a referrer too.
      assertThat(build.out())
          .contains(
              "attached  0 signature or attestation manifests, 1 referrer, 0 already present");
      List<Descriptor> referrers =
          new Registries(
                  RegistrySettings.defaults(), CredentialSource.ANONYMOUS, DownloadListener.NONE)
              .open(new Repository(registry.host(), "temper/java17"))
              .listReferrers(Digest.parse(digest));
      assertThat(referrers)
          .extracting(Descriptor::artifactType)
          .containsExactly(SbomFormat.CYCLONEDX_JSON.mediaType());

      String copy = registry.host() + "/apps/runtime:17";
      Run copied = temper("copy", pushed, copy);
      assertThat(copied.code()).as(copied.err()).isZero();
      assertThat(copied.out().strip()).isEqualTo(digest);
      assertThat(copied.err())
          .contains(": 0 blobs copied (0 bytes)")
          .containsPattern("[1-9][0-9]* mounted");

      Path pulled = dir.resolve("pulled");
      Run pull = temper("pull", copy, "oci:" + pulled + ":17");
      assertThat(pull.code()).as(pull.err()).isZero();
      assertThat(temper("resolve", "oci:" + pulled + ":17").out().strip()).isEqualTo(digest);

      ImageRunner.Run version =
          ImageRunner.unpack(pulled, "17", dir.resolve("run"))
              .run(List.of("/usr/bin/java", "-version"));
      assertThat(version.exitCode()).as(version.output()).isZero();
      assertThat(version.output()).contains("openjdk version \"17.");
    }
  }
}
