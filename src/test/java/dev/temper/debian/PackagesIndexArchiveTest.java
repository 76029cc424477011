package dev.temper.debian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.testing.ArchiveIndexes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parses the real main amd64 indexes of the host's mirror, relationship fields included. */
@Tag("archive")
class PackagesIndexArchiveTest {
  @ParameterizedTest
  @ValueSource(strings = {"bookworm", "bookworm-security"})
  void everyRelationshipFieldParses(String suite) {
    List<BinaryPackage> packages = ArchiveIndexes.mainAmd64(suite);
    List<String> failures = new ArrayList<>();
    long relations = 0;
    for (BinaryPackage p : packages) {
      try {
        relations += countAlternatives(p.depends()) + countAlternatives(p.preDepends());
        relations += p.provides().size() + p.breaks().size() + p.conflicts().size();
      } catch (IllegalArgumentException e) {
        failures.add(e.getMessage());
      }
    }

    assertThat(failures).as("packages whose relationship fields do not parse").isEmpty();
    assertThat(packages).as("packages in %s", suite).hasSizeGreaterThan(1_000);
    assertThat(relations).as("relations in %s", suite).isGreaterThan(packages.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bookworm", "bookworm-security"})
  void everyPackageHasDownloadFields(String suite) {
    for (BinaryPackage p : ArchiveIndexes.mainAmd64(suite)) {
      assertThat(p.filename()).as("Filename of %s", p).startsWith("pool/").endsWith(".deb");
      assertThat(p.size()).as("Size of %s", p).isPositive();
      assertThat(p.origin().suite()).as("suite of %s", p).isEqualTo(suite);
    }
  }

  private static long countAlternatives(List<Dependency> dependencies) {
    return dependencies.stream().mapToLong(d -> d.alternatives().size()).sum();
  }
}
