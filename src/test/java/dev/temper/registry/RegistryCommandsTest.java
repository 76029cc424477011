package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.cache.ContentCache;
import dev.temper.cli.Main;
import dev.temper.oci.Digest;
import dev.temper.oci.OciJson;
import dev.temper.oci.Platform;
import dev.temper.oci.layout.OciLayout;
import dev.temper.oci.testing.Tools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the registry commands against the real distribution registry, with skopeo as the independent
 * client that reads what temper pushed and pushes what temper pulls.
 */
class RegistryCommandsTest {
  private static final Platform AMD64 = new Platform("linux", "amd64", null);
  private static final Platform ARM64 = new Platform("linux", "arm64", "v8");

  @TempDir static Path serverDirectory;
  private static DistributionServer server;

  @TempDir Path temp;

  @BeforeAll
  static void startRegistry() throws Exception {
    server = DistributionServer.start(serverDirectory, DistributionServer.Options.open());
  }

  @AfterAll
  static void stopRegistry() {
    server.close();
  }

  /** The exit code and both outputs of one command line. */
  record Run(int exitCode, String out, String err) {}

  static Run temper(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private static String skopeo(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("skopeo"));
    command.addAll(List.of(args));
    return Tools.run(command.toArray(String[]::new));
  }

  private String ref(String repositoryAndTag) {
    return server.host() + "/" + repositoryAndTag;
  }

  @Test
  void pushedImageMatchesInSkopeo() throws Exception {
    TestImage image = TestImage.single(AMD64, "pushed by temper", "second layer");
    Path layout = temp.resolve("layout");
    image.writeLayout(layout, "v1");

    Run push = temper("push", "oci:" + layout + ":v1", ref("cmd/pushed:v1"));
    String raw =
        skopeo("inspect", "--tls-verify=false", "--raw", "docker://" + ref("cmd/pushed:v1"));
    JsonNode inspected =
        OciJson.mapper()
            .readTree(skopeo("inspect", "--tls-verify=false", "docker://" + ref("cmd/pushed:v1")));

    assertThat(push.exitCode()).as(push.err()).isZero();
    assertThat(push.out().strip()).isEqualTo(image.digest().toString());
    assertThat(Digest.sha256(raw.getBytes(StandardCharsets.UTF_8))).isEqualTo(image.digest());
    assertThat(inspected.path("Digest").asText()).isEqualTo(image.digest().toString());
    assertThat(inspected.path("Layers").get(0).asText())
        .isEqualTo(image.layers().get(0).digest().toString());
  }

  @Test
  void pushToOtherDigestFailsBeforeUploading() throws Exception {
    TestImage image = TestImage.single(AMD64, "pushed by digest");
    Path layout = temp.resolve("layout");
    image.writeLayout(layout, "v1");
    String other = "sha256:" + "1".repeat(64);

    Run wrong = temper("push", "oci:" + layout + ":v1", ref("cmd/by-digest@" + other));
    Run tagged = temper("resolve", ref("cmd/by-digest:v1"));
    Run right = temper("push", "oci:" + layout + ":v1", ref("cmd/by-digest:v1@" + image.digest()));

    assertThat(wrong.exitCode()).isEqualTo(3);
    assertThat(wrong.err())
        .contains("cannot copy to " + server.host() + "/cmd/by-digest@" + other)
        .contains("the image to copy is " + image.digest());
    assertThat(tagged.exitCode()).as("nothing was pushed").isEqualTo(4);
    assertThat(right.exitCode()).as(right.err()).isZero();
    assertThat(right.out().strip()).isEqualTo(image.digest().toString());
  }

  @Test
  void skopeoPushedImagePullsIntoLayout() throws Exception {
    TestImage image = TestImage.single(AMD64, "pushed by skopeo");
    Path source = temp.resolve("source");
    image.writeLayout(source, "v2");
    skopeo(
        "copy",
        "--dest-tls-verify=false",
        "oci:" + source + ":v2",
        "docker://" + ref("cmd/skopeo:v2"));
    String skopeoDigest =
        OciJson.mapper()
            .readTree(skopeo("inspect", "--tls-verify=false", "docker://" + ref("cmd/skopeo:v2")))
            .path("Digest")
            .asText();
    Path pulled = temp.resolve("pulled");

    Run pull = temper("pull", ref("cmd/skopeo:v2"), "oci:" + pulled);
    Run resolve = temper("resolve", "oci:" + pulled + ":v2");
    String fromLayout =
        OciJson.mapper()
            .readTree(skopeo("inspect", "oci:" + pulled + ":v2"))
            .path("Digest")
            .asText();

    assertThat(pull.exitCode()).as(pull.err()).isZero();
    assertThat(pull.out().strip()).isEqualTo(skopeoDigest);
    assertThat(resolve.out().strip()).isEqualTo(skopeoDigest);
    assertThat(fromLayout).isEqualTo(skopeoDigest);
    assertLayerSharesCacheEntry(pulled, image.layers().get(0).digest());
    Run again = temper("pull", ref("cmd/skopeo:v2"), "oci:" + temp.resolve("again"));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).contains("2 blobs copied (").contains(", 2 from the content cache)");
  }

  /**
   * Checks that a pulled layer is the content cache's verified entry, linked into the layout when
   * both are on one file system and copied otherwise.
   */
  private static void assertLayerSharesCacheEntry(Path layout, Digest layer) throws Exception {
    Path inLayout = OciLayout.open(layout).blobPath(layer);
    Path cached = ContentCache.fromEnvironment().find(layer.hex()).orElseThrow();
    if (Files.getFileStore(inLayout).equals(Files.getFileStore(cached))) {
      assertThat(Files.isSameFile(inLayout, cached)).isTrue();
    } else {
      assertThat(Files.readAllBytes(inLayout)).isEqualTo(Files.readAllBytes(cached));
    }
  }

  @Test
  void corruptLayoutBlobNamesRegistryReason() throws Exception {
    TestImage image = TestImage.single(AMD64, "corrupted after writing");
    Path layout = temp.resolve("corrupt");
    image.writeLayout(layout, "v1");
    Path layer = layout.resolve("blobs/sha256/" + image.layers().get(0).digest().hex());
    byte[] bytes = Files.readAllBytes(layer);
    bytes[bytes.length / 2] ^= 1;
    Files.write(layer, bytes);

    Run push = temper("push", "oci:" + layout + ":v1", ref("cmd/corrupt:v1"));

    assertThat(push.exitCode()).isEqualTo(4);
    assertThat(push.err()).contains("DIGEST_INVALID");
  }

  @Test
  void resolveAndInspectReportTheDigests() throws Exception {
    TestImage image = TestImage.single(AMD64, "inspected");
    Path layout = temp.resolve("layout");
    image.writeLayout(layout, "v1");
    temper("push", "oci:" + layout + ":v1", ref("cmd/inspect:v1"));

    Run resolve = temper("resolve", ref("cmd/inspect:v1"));
    Run json = temper("inspect", "--format", "json", ref("cmd/inspect:v1"));
    Run table = temper("inspect", ref("cmd/inspect:v1"));
    JsonNode description = OciJson.mapper().readTree(json.out());

    assertThat(resolve.out().strip()).isEqualTo(image.digest().toString());
    assertThat(description.path("digest").asText()).isEqualTo(image.digest().toString());
    assertThat(description.path("platform").asText()).isEqualTo("linux/amd64");
    assertThat(description.path("user").asText()).isEqualTo("65532");
    assertThat(description.path("layers").get(0).path("digest").asText())
        .isEqualTo(image.layers().get(0).digest().toString());
    assertThat(table.out()).contains("Digest:      " + image.digest(), "Layers (1, ");
  }

  @Test
  void multiArchIndexCopiesWithAllPlatforms() throws Exception {
    TestImage index =
        TestImage.index(
            List.of(TestImage.single(AMD64, "amd"), TestImage.single(ARM64, "arm")),
            List.of(AMD64, ARM64));
    Path layout = temp.resolve("multi");
    index.writeLayout(layout, "multi");
    Path back = temp.resolve("back");

    Run push = temper("copy", "--all-platforms", "oci:" + layout + ":multi", ref("cmd/multi:1"));
    String raw = skopeo("inspect", "--tls-verify=false", "--raw", "docker://" + ref("cmd/multi:1"));
    Run pull = temper("copy", "--all-platforms", ref("cmd/multi:1"), "oci:" + back + ":multi");
    skopeo(
        "copy",
        "--src-tls-verify=false",
        "--all",
        "docker://" + ref("cmd/multi:1"),
        "oci:" + temp.resolve("skopeo-back") + ":multi");
    Run armOnly =
        temper("copy", "--platform", "linux/arm64", ref("cmd/multi:1"), ref("cmd/arm-only:1"));

    assertThat(push.exitCode()).as(push.err()).isZero();
    assertThat(Digest.sha256(raw.getBytes(StandardCharsets.UTF_8))).isEqualTo(index.digest());
    assertThat(pull.out().strip()).isEqualTo(index.digest().toString());
    assertThat(temper("resolve", "oci:" + back + ":multi").out().strip())
        .isEqualTo(index.digest().toString());
    assertThat(armOnly.out().strip()).isEqualTo(index.children().get(1).digest().toString());
    assertThat(armOnly.err()).contains("0 blobs copied (0 bytes), 0 already present, 2 mounted");
  }

  @Test
  void copyWithinRegistryMountsBlobs() throws Exception {
    TestImage image = TestImage.single(AMD64, "mounted layer");
    Path layout = temp.resolve("layout");
    image.writeLayout(layout, "v1");
    temper("push", "oci:" + layout + ":v1", ref("cmd/mount-a:v1"));

    Run copy = temper("copy", ref("cmd/mount-a:v1"), ref("cmd/mount-b:v1"));

    assertThat(copy.exitCode()).as(copy.err()).isZero();
    assertThat(copy.err()).contains("0 blobs copied (0 bytes), 0 already present, 2 mounted");
    assertThat(temper("resolve", ref("cmd/mount-b:v1")).out().strip())
        .isEqualTo(image.digest().toString());
  }

  @Test
  void copyToDockerArchiveOpensInSkopeo() throws Exception {
    TestImage image = TestImage.single(AMD64, "archived");
    Path layout = temp.resolve("layout");
    image.writeLayout(layout, "v1");
    temper("push", "oci:" + layout + ":v1", ref("cmd/archive:v1"));
    Path archive = temp.resolve("image.tar");

    Run copy = temper("copy", ref("cmd/archive:v1"), "docker-archive:" + archive);
    JsonNode inspected = OciJson.mapper().readTree(skopeo("inspect", "docker-archive:" + archive));

    assertThat(copy.exitCode()).as(copy.err()).isZero();
    assertThat(inspected.path("Architecture").asText()).isEqualTo("amd64");
    assertThat(inspected.path("Layers")).hasSize(1);
  }

  @Test
  void pinRewritesOnlyUnpinnedBaseImages() throws Exception {
    TestImage image = TestImage.single(AMD64, "base");
    Path layout = temp.resolve("layout");
    image.writeLayout(layout, "1");
    temper("push", "oci:" + layout + ":1", ref("cmd/base:1"));
    String pinned = ref("cmd/base:1") + "@" + image.digest();
    String dockerfile =
        "# syntax=docker/dockerfile:1\n"
            + "FROM --platform=linux/amd64 "
            + ref("cmd/base:1")
            + " AS build\n"
            + "RUN make\n"
            + "FROM build AS test\n"
            + "FROM scratch\n"
            + "FROM "
            + pinned
            + "\n"
            + "from "
            + ref("cmd/base:1")
            + "\n"
            + "FROM ${BASE}\n";
    Path file = temp.resolve("Dockerfile");
    Files.writeString(file, dockerfile);

    Run before = temper("pin", "--check", file.toString());
    Run pin = temper("pin", file.toString());
    Run after = temper("pin", "--check", file.toString());

    assertThat(before.exitCode()).isEqualTo(1);
    assertThat(before.out())
        .isEqualTo(
            file
                + ":2: "
                + ref("cmd/base:1")
                + " is not pinned by digest\n"
                + file
                + ":7: "
                + ref("cmd/base:1")
                + " is not pinned by digest\n");
    assertThat(pin.exitCode()).as(pin.err()).isZero();
    assertThat(Files.readString(file))
        .isEqualTo(
            "# syntax=docker/dockerfile:1\n"
                + "FROM --platform=linux/amd64 "
                + pinned
                + " AS build\n"
                + "RUN make\n"
                + "FROM build AS test\n"
                + "FROM scratch\n"
                + "FROM "
                + pinned
                + "\n"
                + "from "
                + pinned
                + "\n"
                + "FROM ${BASE}\n");
    assertThat(after.exitCode()).isZero();
    assertThat(after.out()).isEmpty();
  }

  @Test
  void registryFailuresExitWithFour() throws Exception {
    Run missing = temper("resolve", ref("cmd/none:v1"));
    Run closed = temper("resolve", "127.0.0.1:1/cmd/none:v1");

    assertThat(missing.exitCode()).isEqualTo(4);
    assertThat(missing.err())
        .isEqualTo(
            "temper: pull manifest of tag v1 on "
                + server.host()
                + "/cmd/none failed (HTTP 404): not found (MANIFEST_UNKNOWN: manifest unknown)\n");
    assertThat(closed.exitCode()).isEqualTo(4);
    assertThat(closed.err())
        .startsWith(
            "temper: pull manifest of tag v1 on 127.0.0.1:1/cmd/none failed: gave up after 4 attempts");
  }
}
