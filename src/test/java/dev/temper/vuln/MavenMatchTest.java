package dev.temper.vuln;

import static dev.temper.vuln.Fixtures.affected;
import static dev.temper.vuln.Fixtures.osv;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenMatchTest {
  @TempDir Path temp;
  private AdvisoryStore store;

  @BeforeEach
  void importAdvisories() throws Exception {
    ArrayNode records = Fixtures.JSON.createArrayNode();
    records.add(Fixtures.h2Ghsa());
    records.add(Fixtures.log4jGhsa());
    // CVE-2022-1471 in SnakeYAML, fixed in 2.0; a limit event stops the range at 3.0.
    ObjectNode snake = osv("GHSA-mjmj-j48q-9wg2", "2024-01-01T00:00:00Z");
    affected(
        snake, "Maven", "org.yaml:snakeyaml", "introduced", "0", "fixed", "2.0", "limit", "3.0");
    records.add(snake);
    Path file = Fixtures.write(temp.resolve("ghsa.json"), records);
    store = Fixtures.openStore(temp);
    Fixtures.importAll(store, file);
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  private List<Finding> scan(String group, String artifact, String version) throws Exception {
    Component jar = Component.maven(group, artifact, version, "app/lib/" + artifact + ".jar");
    return new Scanner(store, Fixtures.CLOCK)
        .scan(List.of(jar), Release.debian("12"), ScanOptions.defaults())
        .findings();
  }

  @ParameterizedTest
  @CsvSource({"1.4.200, true", "2.1.214, true", "2.2.220, false", "2.1.214.1, false"})
  void lastAffectedIsInclusive(String version, boolean affected) throws Exception {
    List<Finding> findings = scan("com.h2database", "h2", version);
    assertThat(findings).hasSize(affected ? 1 : 0);
    if (affected) {
      assertThat(findings.get(0).status()).isEqualTo(FixStatus.UNFIXED);
      assertThat(findings.get(0).severity()).isEqualTo(Severity.HIGH);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "2.0-beta8, false",
    "2.0-beta9, true",
    "2.0-rc1, true",
    "2.0, true",
    "2.14.1, true",
    "2.15.0-rc1, true",
    "2.15.0, false",
    "2.17.1, false"
  })
  void introducedAndFixedUseMavenOrder(String version, boolean affected) throws Exception {
    List<Finding> findings = scan("org.apache.logging.log4j", "log4j-core", version);
    assertThat(findings).hasSize(affected ? 1 : 0);
    if (affected) {
      assertThat(findings.get(0).fixedVersion()).isEqualTo(Optional.of("2.15.0"));
      assertThat(findings.get(0).severity()).isEqualTo(Severity.CRITICAL);
      assertThat(findings.get(0).component().path()).isEqualTo("app/lib/log4j-core.jar");
    }
  }

  @ParameterizedTest
  @CsvSource({"1.33, true", "2.0, false", "3.1, false"})
  void limitEndsRange(String version, boolean affected) throws Exception {
    assertThat(scan("org.yaml", "snakeyaml", version)).hasSize(affected ? 1 : 0);
  }

  @Test
  void otherArtifactOfSameGroupDoesNotMatch() throws Exception {
    assertThat(scan("org.apache.logging.log4j", "log4j-api", "2.14.1")).isEmpty();
  }
}
