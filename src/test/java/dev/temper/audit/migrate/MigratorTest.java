package dev.temper.audit.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.audit.DockerfileFixtures;
import dev.temper.audit.dockerfile.Dockerfile;
import dev.temper.audit.dockerfile.DockerfileLinter;
import dev.temper.audit.dockerfile.DockerfileParser;
import dev.temper.audit.dockerfile.Instruction;
import dev.temper.audit.dockerfile.LintFinding;
import dev.temper.audit.dockerfile.Stage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigratorTest {
  static final String BASE = "localhost:5000/temper/java17:1@sha256:" + "b".repeat(64);

  static Migration migrate(String fixture) throws Exception {
    Dockerfile file = DockerfileParser.parse(DockerfileFixtures.read(fixture), fixture);
    return Migrator.migrate(file, MigrationOptions.forBase(BASE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "spring-maven-single.Dockerfile",
        "spring-maven-multistage.Dockerfile",
        "spring-gradle.Dockerfile",
        "plain-openjdk.Dockerfile",
        "apt-in-final.Dockerfile",
        "arg-in-from.Dockerfile",
        "heredoc.Dockerfile",
        "node.Dockerfile",
        "secrets.Dockerfile",
        "backtick-escape.Dockerfile",
        "untagged-latest.Dockerfile"
      })
  void finalStageRunsOnPinnedBaseAsNonroot(String fixture) throws Exception {
    Migration migration = migrate(fixture);
    Dockerfile result = DockerfileParser.parse(migration.dockerfile(), "migrated " + fixture);
    Stage last = result.finalStage();

    assertThat(last.image()).isEqualTo(BASE);
    assertThat(last.all("RUN")).isEmpty();
    assertThat(last.last("USER")).map(Instruction::arguments).hasValue("65532:65532");
    assertThat(last.last("ENTRYPOINT")).isPresent();
    Set<String> unresolved =
        Set.copyOf(
            DockerfileLinter.lint(result).stream()
                .filter(f -> f.line() >= last.from().line())
                .map(LintFinding::rule)
                .toList());
    assertThat(unresolved).doesNotContain("DL3002", "TD001", "TD002", "TD004", "TD005", "TD006");
    if (unresolved.contains("DL3025")) {
      assertThat(migration.manual()).anyMatch(n -> n.text().contains("needs a shell"));
    }
    assertThat(migration.changes()).isNotEmpty();
  }

  @Test
  void singleStageMavenBuildMovesToBuilder() throws Exception {
    Migration migration = migrate("spring-maven-single.Dockerfile");
    assertThat(migration.dockerfile())
        .isEqualTo(
            "FROM maven:3.9-eclipse-temurin-17 AS build\n"
                + "WORKDIR /app\n"
                + "COPY pom.xml .\n"
                + "COPY src ./src\n"
                + "RUN mvn -B package -DskipTests\n"
                + "\n"
                + "FROM "
                + BASE
                + "\n"
                + "EXPOSE 8080\n"
                + "WORKDIR /app\n"
                + "COPY --from=build /app/target/demo-0.0.1.jar /app/target/demo-0.0.1.jar\n"
                + "USER 65532:65532\n"
                + "ENTRYPOINT [\"/usr/bin/java\", \"-jar\", \"target/demo-0.0.1.jar\"]\n");
    assertThat(migration.manual()).isEmpty();
  }

  @Test
  void runtimeOnlyFinalStageKeepsItsCopies() throws Exception {
    Migration migration = migrate("spring-maven-multistage.Dockerfile");
    Dockerfile result = DockerfileParser.parse(migration.dockerfile(), "m");
    assertThat(result.stages()).hasSize(2);
    assertThat(result.stages().get(0).instructions()).hasSize(5);
    assertThat(result.finalStage().all("COPY"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.source())
                    .isEqualTo("COPY --from=build /workspace/target/app.jar /app.jar"));
    assertThat(result.finalStage().last("ENTRYPOINT").get().execForm())
        .containsExactly("/usr/bin/java", "-jar", "/app.jar");
  }

  @Test
  void aptAndShellHealthcheckAreReported() throws Exception {
    Migration migration = migrate("apt-in-final.Dockerfile");
    List<Integer> lines = migration.manual().stream().map(Migration.Note::line).toList();
    assertThat(lines).contains(2, 4);
    assertThat(migration.dockerfile()).contains("COPY --from=build /opt/app.jar /opt/app.jar");
    assertThat(migration.dockerfile()).doesNotContain("HEALTHCHECK");
  }

  @Test
  void commandNeedingShellIsReportedAndKept() throws Exception {
    Migration migration = migrate("backtick-escape.Dockerfile");
    assertThat(migration.manual())
        .anyMatch(n -> n.line() == 9 && n.text().startsWith("CMD needs a shell to run"));
    assertThat(migration.dockerfile()).startsWith("# escape=`\n");
  }

  @Test
  void argsBeforeFromStayOnTop() throws Exception {
    Migration migration = migrate("arg-in-from.Dockerfile");
    assertThat(migration.dockerfile())
        .startsWith(
            "ARG BUILDER=maven:3.9-eclipse-temurin-17\nARG RUNTIME=eclipse-temurin:17-jre\n");
    Dockerfile result = DockerfileParser.parse(migration.dockerfile(), "m");
    assertThat(result.finalStage().all("ARG")).hasSize(1);
    assertThat(result.finalStage().all("ENV")).hasSize(1);
  }

  @Test
  void heredocsSurviveInBuilder() throws Exception {
    Migration migration = migrate("heredoc.Dockerfile");
    Dockerfile result = DockerfileParser.parse(migration.dockerfile(), "m");
    assertThat(result.directives()).containsEntry("syntax", "docker/dockerfile:1.7");
    Stage build = result.stages().get(0);
    assertThat(build.all("RUN").get(0).heredocs().get(0).body())
        .contains("mvn -B -s settings.xml package");
    assertThat(result.finalStage().all("COPY").get(0).source())
        .isEqualTo("COPY --from=build /build/app.jar /build/app.jar");
  }

  @Test
  void secretsInFinalStageAreReported() throws Exception {
    Migration migration = migrate("secrets.Dockerfile");
    assertThat(migration.manual())
        .anyMatch(n -> n.line() == 3 && n.text().startsWith("ENV DB_PASSWORD looks like a secret"));
    assertThat(migration.manual())
        .anyMatch(
            n -> n.line() == 2 && n.text().startsWith("ARG GITHUB_TOKEN looks like a secret"));
  }

  @Test
  void baseMustBePinned() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> MigrationOptions.forBase("localhost:5000/java17:1"))
        .hasMessageContaining("pinned by digest");
  }
}
