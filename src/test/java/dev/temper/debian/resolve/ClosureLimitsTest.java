package dev.temper.debian.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.debian.BinaryPackage;
import dev.temper.debian.MultiArch;
import dev.temper.debian.Version;
import dev.temper.error.InvalidInputException;
import dev.temper.error.UnsatisfiableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checks the bounds that keep a hostile index from exhausting the stack or the CPU. The packages
 * are made in memory, because building hundreds of .deb files would only slow the test down.
 */
class ClosureLimitsTest {
  static BinaryPackage pkg(String name, String depends) {
    Version version = Version.parse("1.0");
    return new BinaryPackage(
        name,
        version,
        "amd64",
        MultiArch.NO,
        false,
        "optional",
        "misc",
        name,
        version,
        1,
        "pool/main/" + name + ".deb",
        1,
        "0".repeat(64),
        null,
        new BinaryPackage.Fields(depends, null, null, null, null));
  }

  static Resolution resolve(List<BinaryPackage> packages, String request)
      throws InvalidInputException {
    PackageUniverse universe =
        PackageUniverse.builder("amd64", List.of())
            .addIndex(packages, PackageUniverse.DEFAULT_PRIORITY)
            .build();
    return Resolver.resolve(universe, new ResolveRequest(List.of(request), Set.of()));
  }

  @Test
  void chainDeeperThanLimitFails() {
    List<BinaryPackage> chain = new ArrayList<>();
    for (int i = 0; i <= Closure.MAX_DEPTH + 10; i++) {
      chain.add(pkg("chain" + i, "chain" + (i + 1)));
    }

    assertThatThrownBy(() -> resolve(chain, "chain0"))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessageContaining("is deeper than " + Closure.MAX_DEPTH);
  }

  @Test
  void chainWithinLimitResolves() throws Exception {
    List<BinaryPackage> chain = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      chain.add(pkg("chain" + i, i == 99 ? null : "chain" + (i + 1)));
    }

    assertThat(resolve(chain, "chain0").packages()).hasSize(100);
  }

  @Test
  void failingAlternativesStopAtSelectionLimit() {
    // Each level offers two alternatives whose subtrees both fail at the bottom: 2^24 tries.
    List<BinaryPackage> packages = new ArrayList<>();
    int levels = 24;
    for (int i = 0; i < levels; i++) {
      String next = "a" + (i + 1) + " | b" + (i + 1);
      packages.add(pkg("a" + i, next));
      packages.add(pkg("b" + i, next));
    }
    packages.add(pkg("a" + levels, "missing"));
    packages.add(pkg("b" + levels, "missing"));

    assertThatThrownBy(() -> resolve(packages, "a0"))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessageContaining("gave up after trying " + Closure.MAX_SELECTIONS + " selections");
  }

  @Test
  void malformedDependsNamesThePackage() {
    assertThatThrownBy(() -> resolve(List.of(pkg("odd", "ok (>= )")), "odd"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("odd=1.0:amd64: invalid Depends: ");
  }
}
