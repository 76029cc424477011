package dev.temper.debian.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.debian.BinaryPackage;
import dev.temper.error.InvalidInputException;
import dev.temper.error.UnsatisfiableException;
import dev.temper.testing.AptOracle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resolves requests against signed suites that the tests publish and serve on loopback. */
class ResolverTest {
  @TempDir static Path dir;
  static ResolverFixture fixture;
  static AptOracle apt;

  @BeforeAll
  static void publish() throws Exception {
    fixture = new ResolverFixture(dir.resolve("archives"));
    apt = fixture.apt(dir.resolve("apt"));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static Resolution resolve(List<String> packages, List<String> exclude)
      throws InvalidInputException {
    return Resolver.resolve(fixture.universe(), ResolveRequest.of(packages, exclude));
  }

  /** Returns {@code name -> version} of a resolution. */
  static Map<String, String> versions(Resolution resolution) {
    Map<String, String> result = new TreeMap<>();
    for (BinaryPackage pkg : resolution.packages()) {
      result.put(pkg.name(), pkg.version().toString());
    }
    return result;
  }

  static Map<String, String> resolved(String... packages) throws InvalidInputException {
    return versions(resolve(List.of(packages), List.of()));
  }

  @Test
  void takesFirstAlternativeWithCandidate() throws Exception {
    assertThat(resolved("alt-app").keySet()).containsExactly("alt-app", "alt-second");
    assertThat(resolved("alt-app2").keySet()).containsExactly("alt-app2", "alt-third");
  }

  @Test
  void takesProviderByPriorityThenByLaterMention() throws Exception {
    assertThat(resolved("virt-app").keySet()).containsExactly("virt-app", "virt-p2");
    assertThat(resolved("tie-app")).containsOnlyKeys("tie-app", "tie-b");
  }

  @Test
  void prefersRealPackageOverProvider() throws Exception {
    assertThat(resolved("real-app").keySet()).containsExactly("real-app", "real-name");
  }

  @Test
  void requestForVirtualPackageTakesItsOnlyProvider() throws Exception {
    assertThat(resolved("solo-name").keySet()).containsExactly("solo-provider");
  }

  @Test
  void requestForVirtualPackageWithSeveralProvidersFails() {
    assertThatThrownBy(() -> resolved("virt-name"))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessage(
            "cannot install 'virt-name': virt-name is a virtual package provided by"
                + " virt-p1=1.0:amd64, virt-p2=1.0:amd64; request one of them by name");
  }

  @Test
  void versionedRelationNeedsVersionedProvide() throws Exception {
    assertThat(resolved("vp-app").keySet()).containsExactly("vp-app", "vp-new");
    assertThatThrownBy(() -> resolved("vp-low"))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessage(
            "vp-low-name (>= 2) required by vp-low=1.0:amd64: candidates"
                + " vp-low-provider=1.0 (provides vp-low-name (= 1.5)) do not satisfy >= 2");
  }

  @Test
  void conflictForcesSecondAlternative() throws Exception {
    Resolution resolution = resolve(List.of("cf-app", "cf-base"), List.of());

    assertThat(versions(resolution).keySet()).containsExactly("cf-app", "cf-base", "cf-second");
    assertThat(resolution.notes())
        .containsExactly(
            "selected cf-second=1.0:amd64 for cf-first | cf-second (Depends of cf-app=1.0:amd64):"
                + " cf-first=1.0:amd64 conflicts with cf-base=1.0:amd64 (Conflicts: cf-base)");
  }

  @Test
  void breaksOrProvidedConflictPickSecond() throws Exception {
    assertThat(resolved("br-app").keySet()).containsExactly("br-app", "br-second");
    assertThat(resolved("cfv-app").keySet()).containsExactly("cfv-app", "cfv-second");
  }

  @Test
  void conflictWithoutAlternativeFails() {
    assertThatThrownBy(() -> resolved("cf-only", "cf-base"))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessage(
            "cf-first required by cf-only=1.0:amd64: cf-first=1.0:amd64 conflicts with"
                + " cf-base=1.0:amd64 (Conflicts: cf-base)");
  }

  @Test
  void brokenAlternativeLeavesNothingSelected() throws Exception {
    Resolution resolution = resolve(List.of("bt-app"), List.of());

    assertThat(versions(resolution).keySet()).containsExactly("bt-app", "bt-ok");
    assertThat(resolution.reason(resolution.packages().get(1)))
        .isEqualTo("Depends of bt-app=1.0:amd64: bt-broken | bt-ok");
  }

  @Test
  void excludedPackagesSatisfyWhatNamesOrNeedsThem() throws Exception {
    Resolution resolution =
        resolve(List.of("ex-app"), List.of("ex-shell", "ex-other", "ex-provider", "ex-lib"));

    assertThat(versions(resolution).keySet()).containsExactly("ex-app");
  }

  @Test
  void cycleEnds() throws Exception {
    assertThat(resolved("loop-a").keySet()).containsExactly("loop-a", "loop-b");
    assertThat(resolved("cyc-a").keySet()).containsExactly("cyc-a", "cyc-b", "cyc-c");
    assertThat(resolved("cyc-c").keySet()).containsExactly("cyc-a", "cyc-b", "cyc-c");
  }

  @Test
  void unsatisfiableVersionNamesPackageRelationAndCandidates() {
    assertThatThrownBy(() -> resolved("un-bar"))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessage(
            "un-foo (>= 2) required by un-bar=1.0:amd64: candidates un-foo=1.5 do not satisfy >= 2");
  }

  @Test
  void unsatisfiableDeepDependencyNamesEveryStep() {
    assertThatThrownBy(() -> resolved("un-deep"))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessage(
            "un-mid required by un-deep=1.0:amd64: un-mid=1.0:amd64 cannot be installed:"
                + " un-nowhere | un-foo (>= 3) required by un-mid=1.0:amd64:"
                + " un-nowhere: no package or provider named un-nowhere in the suites read;"
                + " un-foo: candidates un-foo=1.5 do not satisfy >= 3");
  }

  @Test
  void highestVersionAcrossSuitesWins() throws Exception {
    Resolution resolution = resolve(List.of("ms-pkg", "ms-user"), List.of());

    assertThat(versions(resolution))
        .containsExactlyEntriesOf(
            new TreeMap<>(Map.of("ms-lib", "2.0", "ms-pkg", "1.2", "ms-user", "1.0")));
    assertThat(resolution.packages().get(0).origin().suite()).isEqualTo("updates");
  }

  @Test
  void requestedVersionOverridesCandidate() throws Exception {
    assertThat(resolved("ms-pkg=1.0")).containsEntry("ms-pkg", "1.0");
    assertThat(resolved("na-pkg=2.0")).containsEntry("na-pkg", "2.0");
    assertThatThrownBy(() -> resolved("ms-pkg=7"))
        .hasMessage(
            "cannot install 'ms-pkg=7': version 7 is not in the suites read; they have 1.2, 1.0");
  }

  @Test
  void notAutomaticSuiteLosesToDefaultPriority() throws Exception {
    assertThat(resolved("na-pkg", "bau-pkg"))
        .containsEntry("na-pkg", "1.0")
        .containsEntry("bau-pkg", "1.0");
    assertThat(resolved("na-only")).containsEntry("na-only", "1.0");
  }

  @Test
  void multiArchAnyNeedsAllowed() throws Exception {
    assertThat(resolved("ma-app:amd64").keySet())
        .containsExactly("ma-allowed", "ma-app", "ma-foreign");
    assertThatThrownBy(() -> resolved("ma-bad"))
        .hasMessage(
            "ma-plain:any required by ma-bad=1.0:amd64: candidates"
                + " ma-plain=1.0:amd64 (Multi-Arch: no) do not satisfy :any");
  }

  @Test
  void essentialPackagesComeOnlyWhenNeeded() throws Exception {
    assertThat(resolved("ess-app").keySet()).containsExactly("ess-app");
    Resolution resolution = resolve(List.of("ess-user"), List.of());
    assertThat(resolution.essential()).extracting(BinaryPackage::name).containsExactly("ess-base");
  }

  @Test
  void unknownPackageAndArchitectureAreReported() {
    assertThatThrownBy(() -> resolved("no-such"))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessage("cannot install 'no-such': no package no-such in the suites read");
    assertThatThrownBy(() -> resolved("alt-app:arm64"))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessage(
            "cannot install 'alt-app:arm64': architecture arm64 is not among the spec's"
                + " architectures");
    assertThatThrownBy(() -> resolved("Bad_Name")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void resolvingTwiceGivesTheSameResult() throws Exception {
    List<String> request = List.of("cf-app", "cf-base", "virt-app", "ms-user", "cyc-b");
    assertThat(resolve(request, List.of()).packages())
        .containsExactlyElementsOf(resolve(request, List.of()).packages());
  }

  /**
   * Every request that resolves and names no exclude gives what apt would install. The cycle
   * through a Pre-Depends is left out: apt selects the same packages, then its simulated dpkg run
   * fails to order them ("Conf Broken").
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "alt-app",
        "alt-app2",
        "virt-app",
        "tie-app",
        "real-app",
        "solo-name",
        "vp-app",
        "cf-app cf-base",
        "br-app",
        "cfv-app",
        "bt-app",
        "loop-a",
        "ms-pkg ms-user",
        "ms-pkg=1.0",
        "na-pkg bau-pkg",
        "na-only",
        "na-pkg=2.0",
        "ma-app",
        "ess-user",
        "ess-app"
      })
  void aptInstallsTheSame(String request) throws Exception {
    List<String> packages = List.of(request.split(" "));

    assertThat(versions(resolve(packages, List.of()))).isEqualTo(apt.install(packages));
  }
}
