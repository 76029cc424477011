package dev.temper.audit.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import dev.temper.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfilePinnerTest {
  private static final Digest DIGEST = Digest.sha256("base".getBytes(StandardCharsets.UTF_8));

  @TempDir Path temp;

  @Test
  void eachImageIsResolvedOnceAndCrlfKept() throws Exception {
    List<String> resolved = new ArrayList<>();
    String dockerfile = "FROM h:1/a:1 as Base\r\nFROM base\r\nFROM h:1/a:1\r\n";

    DockerfilePinner.Result result =
        DockerfilePinner.pin(
            dockerfile,
            "Dockerfile",
            image -> {
              resolved.add(image);
              return DIGEST;
            });

    assertThat(resolved).containsExactly("h:1/a:1");
    assertThat(result.text())
        .isEqualTo(
            "FROM h:1/a:1@" + DIGEST + " as Base\r\nFROM base\r\nFROM h:1/a:1@" + DIGEST + "\r\n");
    assertThat(result.lines())
        .extracting(FromLine::status)
        .containsExactly(FromLine.Status.UNPINNED, FromLine.Status.STAGE, FromLine.Status.UNPINNED);
  }

  @Test
  void continuedFromIsReportedNotRewritten() throws Exception {
    String dockerfile = "FROM --platform=linux/amd64 \\\n  h:1/a:1\n";

    DockerfilePinner.Result result =
        DockerfilePinner.pin(dockerfile, "Dockerfile", image -> DIGEST);

    assertThat(result.text()).isEqualTo(dockerfile);
    assertThat(result.lines())
        .extracting(FromLine::status)
        .containsExactly(FromLine.Status.CONTINUED);
  }

  @Test
  void fromInsideOtherInstructionsIgnored() throws Exception {
    String dockerfile =
        "FROM h:1/a:1 AS build\n"
            + "RUN <<EOF\n"
            + "FROM h:1/heredoc:1\n"
            + "EOF\n"
            + "RUN echo \\\n"
            + "FROM h:1/continued:1\n"
            + "FROM build\n";
    List<String> resolved = new ArrayList<>();

    DockerfilePinner.Result result =
        DockerfilePinner.pin(
            dockerfile,
            "Dockerfile",
            image -> {
              resolved.add(image);
              return DIGEST;
            });

    assertThat(resolved).containsExactly("h:1/a:1");
    assertThat(result.text()).isEqualTo(dockerfile.replace("a:1 AS", "a:1@" + DIGEST + " AS"));
    assertThat(result.lines()).extracting(FromLine::lineNumber).containsExactly(1, 7);
  }

  @Test
  void escapeDirectiveMarksContinuedFrom() throws Exception {
    String dockerfile = "# escape=`\nFROM --platform=linux/amd64 `\n  h:1/a:1\n";

    List<FromLine> lines = DockerfilePinner.scan(dockerfile, "Dockerfile");

    assertThat(lines).extracting(FromLine::status).containsExactly(FromLine.Status.CONTINUED);
  }

  @Test
  void invalidDockerfileNamesFileAndLine() {
    assertThatThrownBy(() -> DockerfilePinner.scan("FROM a\nRUN <<EOF\necho\n", "ci/Dockerfile"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("ci/Dockerfile:");
  }

  @Test
  void resolveFailureLeavesNothingRewritten() throws Exception {
    Path file = temp.resolve("Dockerfile");
    Files.writeString(file, "FROM h:1/a:1\nFROM h:1/b:1\n");

    assertThatThrownBy(
            () ->
                DockerfilePinner.pin(
                    DockerfilePinner.read(file),
                    file.toString(),
                    image -> {
                      if (image.contains("/b")) {
                        throw new InvalidInputException("no such image");
                      }
                      return DIGEST;
                    }))
        .hasMessage("no such image");
    assertThat(Files.readString(file)).isEqualTo("FROM h:1/a:1\nFROM h:1/b:1\n");
  }

  @Test
  void atomicWriteKeepsPermissions() throws Exception {
    Path file = temp.resolve("Dockerfile");
    Files.writeString(file, "FROM x\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    DockerfilePinner.writeAtomically(file, "FROM x@" + DIGEST + "\n");

    assertThat(Files.readString(file)).isEqualTo("FROM x@" + DIGEST + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    try (var siblings = Files.list(temp)) {
      assertThat(siblings).containsExactly(file);
    }
  }
}
