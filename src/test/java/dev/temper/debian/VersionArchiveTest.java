package dev.temper.debian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.testing.ArchiveIndexes;
import dev.temper.testing.DpkgVersions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compares {@link Version#compareTo} with {@code dpkg --compare-versions} on real versions. */
@Tag("archive")
class VersionArchiveTest {
  private static final Pattern LONG_DIGIT_RUN = Pattern.compile(".*[0-9]{8,}.*");

  @Test
  void compareToMatchesDpkgOnArchivePairs(@TempDir Path work) throws Exception {
    List<BinaryPackage> main = ArchiveIndexes.mainAmd64("bookworm");
    List<BinaryPackage> security = ArchiveIndexes.mainAmd64("bookworm-security");
    List<String[]> pairs = drawPairs(main, security);
    assertThat(pairs).as("distinct pairs drawn").hasSizeGreaterThanOrEqualTo(10_000);

    List<Integer> dpkg = DpkgVersions.compare(pairs, work, 2);

    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      Version a = Version.parse(pairs.get(i)[0]);
      Version b = Version.parse(pairs.get(i)[1]);
      Integer expected = dpkg.get(i);
      int actual = Integer.signum(a.compareTo(b));
      if (expected == null || actual != expected) {
        mismatches.add(a + " vs " + b + ": dpkg " + expected + ", Version " + actual);
      }
    }
    assertThat(mismatches).as("pairs where Version and dpkg disagree").isEmpty();
  }

  @Test
  void equalsAndHashCodeAgreeOnArchivePairs() {
    List<String[]> pairs =
        drawPairs(
            ArchiveIndexes.mainAmd64("bookworm"), ArchiveIndexes.mainAmd64("bookworm-security"));
    List<String> mismatches = new ArrayList<>();
    for (String[] pair : pairs) {
      Version a = Version.parse(pair[0]);
      Version b = Version.parse(pair[1]);
      boolean same = a.compareTo(b) == 0;
      if (a.equals(b) != same || (same && a.hashCode() != b.hashCode())) {
        mismatches.add(a + " vs " + b);
      }
    }
    assertThat(mismatches).as("pairs where equals or hashCode disagree with compareTo").isEmpty();
  }

  private static List<String[]> drawPairs(List<BinaryPackage> main, List<BinaryPackage> security) {
    List<String> versions = new ArrayList<>();
    for (BinaryPackage p : main) {
      versions.add(p.version().toString());
    }
    for (BinaryPackage p : security) {
      versions.add(p.version().toString());
    }
    VersionPairs pairs = new VersionPairs(20_250_520L);
    pairs.addAcrossSuites(main, security);
    pairs.addSourceVersions(main, 1_000);
    pairs.addDependencyConstraints(main, 2_000);
    pairs.addTextNeighbors(versions, 2_000);
    pairs.addRandom(versions, 3_000);
    pairs.addFeature(versions, v -> v.contains(":"), pairs::mutate, 1_000);
    pairs.addFeature(versions, v -> v.contains("~"), pairs::mutate, 1_000);
    pairs.addFeature(versions, v -> v.contains("+"), pairs::mutate, 1_000);
    pairs.addFeature(versions, v -> v.matches(".*[a-zA-Z].*"), pairs::mutate, 1_000);
    pairs.addFeature(versions, v -> LONG_DIGIT_RUN.matcher(v).matches(), pairs::mutate, 1_000);
    return pairs.pairs();
  }
}
