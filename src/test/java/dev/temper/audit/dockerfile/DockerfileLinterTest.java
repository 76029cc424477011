package dev.temper.audit.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileLinterTest {

  private static List<String> rules(String name) throws Exception {
    Dockerfile file = DockerfileParser.parse(dev.temper.audit.DockerfileFixtures.read(name), name);
    return DockerfileLinter.lint(file).stream().map(f -> f.line() + ":" + f.rule()).toList();
  }

  @Test
  void untaggedAndLatestBases() throws Exception {
    assertThat(rules("untagged-latest.Dockerfile"))
        .containsExactly(
            "1:DL3006",
            "2:DL3009",
            "2:DL3015",
            "2:DL4006",
            "3:DL3007",
            "3:TD001",
            "3:TD002",
            "5:DL4000",
            "6:DL3000");
  }

  @Test
  void aptAndShellFormInFinalStage() throws Exception {
    assertThat(rules("apt-in-final.Dockerfile"))
        .containsExactly(
            "1:TD001",
            "2:DL3009",
            "2:DL3015",
            "2:TD004",
            "2:TD005",
            "4:TD006",
            "5:DL3002",
            "6:DL3025");
  }

  @Test
  void secretsAndAddFromUrl() throws Exception {
    assertThat(rules("secrets.Dockerfile"))
        .containsExactly("1:TD001", "1:TD002", "2:TD007", "3:TD007", "5:TD003", "6:DL3020");
  }

  @Test
  void pinnedMultiStageWithUserIsClean() throws Exception {
    String text =
        "FROM maven:3.9 AS build\nRUN mvn package\n"
            + "FROM localhost:5000/java17:1@sha256:"
            + "a".repeat(64)
            + "\nCOPY --from=build /t/app.jar /app.jar\nUSER 65532:65532\nENTRYPOINT [\"/usr/bin/java\", \"-jar\", \"/app.jar\"]\n";
    assertThat(DockerfileLinter.lint(DockerfileParser.parse(text, "D"))).isEmpty();
  }

  @Test
  void pipefailShellSilencesDl4006() throws Exception {
    String text =
        "FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\nUSER 1\n";
    List<String> found =
        DockerfileLinter.lint(DockerfileParser.parse(text, "D")).stream()
            .map(LintFinding::rule)
            .toList();
    assertThat(found).doesNotContain("DL4006");
  }

  @Test
  void argReferenceIsNotASecretValue() throws Exception {
    String text = "FROM a:1\nENV API_TOKEN=$TOKEN_FROM_BUILD\nUSER 1\n";
    List<String> found =
        DockerfileLinter.lint(DockerfileParser.parse(text, "D")).stream()
            .map(LintFinding::rule)
            .toList();
    assertThat(found).doesNotContain("TD007");
  }
}
