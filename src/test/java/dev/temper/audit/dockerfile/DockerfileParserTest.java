package dev.temper.audit.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  @Test
  void joinsContinuationsAndSkipsCommentsInside() throws Exception {
    Dockerfile file =
        DockerfileParser.parse(
            "FROM debian:12\nRUN apt-get update \\\n# a comment\n    && apt-get install -y curl\n",
            "Dockerfile");
    Instruction run = file.finalStage().instructions().get(0);
    assertThat(run.keyword()).isEqualTo("RUN");
    assertThat(run.arguments()).isEqualTo("apt-get update     && apt-get install -y curl");
    assertThat(run.line()).isEqualTo(2);
    assertThat(run.endLine()).isEqualTo(4);
  }

  @Test
  void readsDirectivesAndBacktickEscape() throws Exception {
    Dockerfile file =
        DockerfileParser.parse(
            "# escape=`\n# syntax=docker/dockerfile:1\nFROM x:1\nRUN a `\n  b\n", "D");
    assertThat(file.escape()).isEqualTo('`');
    assertThat(file.directives()).containsEntry("syntax", "docker/dockerfile:1");
    assertThat(file.finalStage().instructions().get(0).arguments()).isEqualTo("a   b");
  }

  @Test
  void directiveAfterInstructionIsComment() throws Exception {
    Dockerfile file = DockerfileParser.parse("FROM x:1\n# escape=`\nRUN a\n", "D");
    assertThat(file.escape()).isEqualTo('\\');
    assertThat(file.directives()).isEmpty();
  }

  @Test
  void argBeforeFromAndStages() throws Exception {
    Dockerfile file =
        DockerfileParser.parse(
            "ARG BASE=debian:12\nFROM --platform=$BUILDPLATFORM ${BASE} AS build\nRUN make\n"
                + "FROM build as final\nCMD [\"/app\"]\n",
            "D");
    assertThat(file.globalArgs()).hasSize(1);
    assertThat(file.stages()).hasSize(2);
    Stage build = file.stages().get(0);
    assertThat(build.image()).isEqualTo("${BASE}");
    assertThat(build.name()).isEqualTo("build");
    assertThat(build.platform()).isEqualTo("$BUILDPLATFORM");
    assertThat(file.isStageName("build", 1)).isTrue();
    assertThat(file.finalStage().instructions().get(0).execForm()).containsExactly("/app");
  }

  @Test
  void readsHeredocs() throws Exception {
    Dockerfile file =
        DockerfileParser.parse(
            "FROM x:1\nRUN <<EOF\necho one\necho two\nEOF\nCOPY <<-END /etc/conf\n\tkey=value\n\tEND\nCMD [\"a\"]\n",
            "D");
    Instruction run = file.finalStage().instructions().get(0);
    assertThat(run.heredocs())
        .singleElement()
        .satisfies(h -> assertThat(h.body()).isEqualTo("echo one\necho two"));
    Instruction copy = file.finalStage().instructions().get(1);
    assertThat(copy.heredocs().get(0).body()).isEqualTo("key=value");
    assertThat(copy.heredocs().get(0).stripTabs()).isTrue();
    assertThat(file.finalStage().instructions().get(2).line()).isEqualTo(9);
  }

  @Test
  void keepsFlagsApart() throws Exception {
    Dockerfile file =
        DockerfileParser.parse("FROM x:1\nCOPY --from=build --chown=1:1 /a /b\n", "D");
    Instruction copy = file.finalStage().instructions().get(0);
    assertThat(copy.flags()).containsEntry("from", "build").containsEntry("chown", "1:1");
    assertThat(copy.arguments()).isEqualTo("/a /b");
  }

  @Test
  void invalidJsonFallsBackToShellForm() throws Exception {
    Dockerfile file = DockerfileParser.parse("FROM x:1\nCMD [not json]\n", "D");
    Instruction cmd = file.finalStage().instructions().get(0);
    assertThat(cmd.isExecForm()).isFalse();
    assertThat(cmd.arguments()).isEqualTo("[not json]");
  }

  @Test
  void unknownInstructionNamesLineAndColumn() {
    assertThatThrownBy(
            () -> DockerfileParser.parse("FROM x:1\n  FETCH http://x\n", "app/Dockerfile"))
        .isInstanceOf(DockerfileSyntaxException.class)
        .hasMessage("app/Dockerfile:2:3: unknown instruction 'FETCH'");
  }

  @Test
  void instructionBeforeFromIsRejected() {
    assertThatThrownBy(() -> DockerfileParser.parse("RUN x\nFROM y:1\n", "D"))
        .hasMessage("D:1:1: RUN before the first FROM: only ARG may come before FROM");
  }

  @Test
  void missingFromIsRejected() {
    assertThatThrownBy(() -> DockerfileParser.parse("# nothing\nARG A=1\n", "D"))
        .hasMessageContaining("no FROM instruction");
  }

  @Test
  void unclosedHeredocIsRejected() {
    assertThatThrownBy(() -> DockerfileParser.parse("FROM x:1\nRUN <<EOF\necho\n", "D"))
        .hasMessage("D:2:1: here-document 'EOF' is not closed before the end of the file");
  }

  @Test
  void emptyArgumentsAreRejected() {
    assertThatThrownBy(() -> DockerfileParser.parse("FROM x:1\nWORKDIR\n", "D"))
        .hasMessage("D:2:8: WORKDIR needs at least one argument");
    assertThatThrownBy(() -> DockerfileParser.parse("FROM x:1\nCOPY onlysource\n", "D"))
        .hasMessage("D:2:6: COPY needs a source and a destination");
  }

  @Test
  void malformedFromIsRejected() {
    assertThatThrownBy(() -> DockerfileParser.parse("FROM a b c d\n", "D"))
        .hasMessageStartingWith("D:1:6: FROM takes an image and an optional 'AS name'");
  }

  @Test
  void shellNeedsJson() {
    assertThatThrownBy(() -> DockerfileParser.parse("FROM x:1\nSHELL /bin/bash -c\n", "D"))
        .hasMessageContaining("SHELL needs a JSON array");
  }

  @Test
  void badEscapeDirectiveIsRejected() {
    assertThatThrownBy(() -> DockerfileParser.parse("# escape=x\nFROM a:1\n", "D"))
        .hasMessage("D:1:10: invalid escape character 'x': use \\ or `");
  }

  @Test
  void megabyteLineParses() throws Exception {
    String label = "a".repeat(1 << 20);
    Dockerfile file = DockerfileParser.parse("FROM x:1\nLABEL big=" + label + "\n", "D");
    assertThat(file.finalStage().instructions().get(0).arguments()).hasSize(4 + (1 << 20));
  }

  @Test
  void binaryFileAndDirectoryAreRejected(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path binary = dir.resolve("Dockerfile");
    java.nio.file.Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

    assertThatThrownBy(() -> DockerfileParser.parse(binary))
        .hasMessage(binary + ": not a UTF-8 text file, so not a Dockerfile");
    assertThatThrownBy(() -> DockerfileParser.parse(dir)).hasMessage(dir + ": not a regular file");
  }

  @Test
  void oversizedFileIsRejected(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path big = dir.resolve("Dockerfile");
    try (var out = java.nio.file.Files.newOutputStream(big)) {
      out.write("FROM x:1\n".getBytes());
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'a');
      for (int i = 0; i < 17; i++) {
        out.write(chunk);
      }
    }
    assertThatThrownBy(() -> DockerfileParser.parse(big))
        .hasMessageContaining("larger than the Dockerfile limit");
  }
}
