package dev.temper.oci.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import dev.temper.oci.Digest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageReferencesTest {
  private static final String HEX =
      "6f2d4f3b8a0e1c9d7b5a3f1e0d2c4b6a8e9f7d5c3b1a0f2e4d6c8b0a9e7f5d3c";
  private static final Map<String, String> NO_ENV = Map.of();

  private static ImageReference parse(String text) throws InvalidInputException {
    return ImageReferences.parse(text, NO_ENV);
  }

  @Test
  void ociWithTag() throws Exception {
    assertThat(parse("oci:out/layout:1.0"))
        .isEqualTo(new OciLayoutReference(Path.of("out/layout"), "1.0", -1));
  }

  @Test
  void ociWithoutTag() throws Exception {
    assertThat(parse("oci:/tmp/layout"))
        .isEqualTo(new OciLayoutReference(Path.of("/tmp/layout"), null, -1));
    assertThat(parse("oci:/tmp/layout:"))
        .isEqualTo(new OciLayoutReference(Path.of("/tmp/layout"), null, -1));
  }

  @Test
  void ociTagMayHoldColonsAndSlashes() throws Exception {
    // The directory ends at the first colon, as in skopeo, so the rest is the tag.
    assertThat(parse("oci:dir:example/app:1.0"))
        .isEqualTo(new OciLayoutReference(Path.of("dir"), "example/app:1.0", -1));
  }

  @Test
  void ociSourceIndex() throws Exception {
    assertThat(parse("oci:dir:@2")).isEqualTo(new OciLayoutReference(Path.of("dir"), null, 2));
    assertThatThrownBy(() -> parse("oci:dir:@x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not an integer");
  }

  @Test
  void ociInvalidTag() {
    assertThatThrownBy(() -> parse("oci:dir:bad tag"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid tag 'bad tag'")
        .hasMessageContaining("first ':'");
  }

  @Test
  void ociEmptyPath() {
    assertThatThrownBy(() -> parse("oci:"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no path given");
  }

  @Test
  void dockerArchiveForms() throws Exception {
    assertThat(parse("docker-archive:app.tar"))
        .isEqualTo(new DockerArchiveReference(Path.of("app.tar"), null, -1));
    assertThat(parse("docker-archive:app.tar:app:1"))
        .isEqualTo(new DockerArchiveReference(Path.of("app.tar"), "app:1", -1));
    assertThat(parse("docker-archive:app.tar:team/app"))
        .isEqualTo(new DockerArchiveReference(Path.of("app.tar"), "team/app:latest", -1));
    assertThat(parse("docker-archive:app.tar:localhost:5000/app:2"))
        .isEqualTo(new DockerArchiveReference(Path.of("app.tar"), "localhost:5000/app:2", -1));
    assertThat(parse("docker-archive:app.tar:@1"))
        .isEqualTo(new DockerArchiveReference(Path.of("app.tar"), null, 1));
  }

  @Test
  void dockerArchiveRejectsDigest() {
    assertThatThrownBy(() -> parse("docker-archive:a.tar:app@sha256:" + HEX))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot have a digest");
  }

  @Test
  void rootfsDirectory() throws Exception {
    assertThat(parse("dir:/srv/rootfs")).isEqualTo(new RootfsReference(Path.of("/srv/rootfs")));
  }

  @Test
  void dockerTransportWithPortTagAndDigest() throws Exception {
    assertThat(parse("docker://localhost:5000/team/app:1.2@sha256:" + HEX))
        .isEqualTo(
            new RegistryReference(
                "localhost:5000", "team/app", "1.2", Digest.parse("sha256:" + HEX)));
  }

  @Test
  void plainReferenceMeansRegistry() throws Exception {
    assertThat(parse("registry.example:443/app@sha256:" + HEX))
        .isEqualTo(
            new RegistryReference(
                "registry.example:443", "app", null, Digest.parse("sha256:" + HEX)));
    assertThat(parse("localhost/app"))
        .isEqualTo(new RegistryReference("localhost", "app", "latest", null));
    assertThat(parse("127.0.0.1:5000/a/b/c:v1"))
        .isEqualTo(new RegistryReference("127.0.0.1:5000", "a/b/c", "v1", null));
  }

  @Test
  void referenceWithoutHostNeedsOne() {
    assertThatThrownBy(() -> parse("debian:12"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "image reference 'debian:12' names no registry host: write it as"
                + " HOST[:PORT]/debian:12, or set TEMPER_DEFAULT_REGISTRY to the registry host"
                + " to use");
    assertThatThrownBy(() -> parse("docker://library/debian"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("names no registry host");
  }

  @Test
  void defaultRegistryFromEnvironment() throws Exception {
    Map<String, String> environment = Map.of("TEMPER_DEFAULT_REGISTRY", "localhost:5000");

    assertThat(ImageReferences.parse("debian:12", environment))
        .isEqualTo(new RegistryReference("localhost:5000", "debian", "12", null));
    assertThat(ImageReferences.parse("team/app", environment))
        .isEqualTo(new RegistryReference("localhost:5000", "team/app", "latest", null));
  }

  @Test
  void invalidRegistryNames() {
    assertThatThrownBy(() -> parse("localhost:5000/App:1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid repository component 'App'");
    assertThatThrownBy(() -> parse("localhost/app:bad!tag"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid tag 'bad!tag'");
    assertThatThrownBy(() -> parse("localhost/app@sha256:abc"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("64 lower-case hex digits");
    assertThatThrownBy(() -> parse("docker:localhost/app"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("docker://");
    assertThatThrownBy(() -> parse("bad_host.example/app"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid registry host");
  }

  @Test
  void unsupportedTransport() {
    assertThatThrownBy(() -> parse("containers-storage:app"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unsupported transport 'containers-storage:'");
  }

  @Test
  void toStringParsesBack() throws Exception {
    for (String text :
        new String[] {
          "oci:dir:1.0",
          "oci:dir:@3",
          "docker-archive:a.tar:app:1",
          "dir:/rootfs",
          "localhost:5000/app:1@sha256:" + HEX
        }) {
      assertThat(parse(parse(text).toString()).toString()).isEqualTo(text);
    }
  }
}
