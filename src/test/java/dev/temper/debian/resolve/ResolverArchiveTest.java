package dev.temper.debian.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.build.Spec;
import dev.temper.build.SpecLoader;
import dev.temper.cache.Sha256;
import dev.temper.debian.BinaryPackage;
import dev.temper.debian.Dependency;
import dev.temper.debian.repository.LoadedSuite;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.testing.AptOracle;
import dev.temper.testing.ArchiveIndexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares temper's resolution with the real apt-get's on the real archive of the host's apt
 * sources: bookworm, bookworm-updates and bookworm-security, main, amd64. Both read the same signed
 * InRelease files, which the test checks before comparing.
 */
@Tag("archive")
class ResolverArchiveTest {
  private static final List<String> SUITES =
      List.of("bookworm", "bookworm-updates", "bookworm-security");
  private static final Path DEBIAN_KEYRING =
      Path.of("/usr/share/keyrings/debian-archive-keyring.gpg");

  @TempDir static Path dir;
  static PackageUniverse universe;
  static AptOracle apt;

  @BeforeAll
  static void load() throws Exception {
    PackageUniverse.Builder builder = PackageUniverse.builder("amd64", List.of());
    List<LoadedSuite> suites = SUITES.stream().map(ArchiveIndexes::loadMainAmd64).toList();
    suites.forEach(builder::addSuite);
    universe = builder.build();

    MirrorResolver mirrors = MirrorResolver.fromHost();
    List<AptOracle.Source> sources = new ArrayList<>();
    for (String suite : SUITES) {
      sources.add(
          new AptOracle.Source(
              mirrors.mirrorFor(suite), List.of(suite), List.of("main"), DEBIAN_KEYRING));
    }
    apt = AptOracle.create(dir, sources);
    assertThat(aptInReleaseDigests())
        .as("apt read the InRelease files temper read (else the mirror changed in between)")
        .containsExactlyInAnyOrderElementsOf(
            suites.stream().map(s -> s.release().inReleaseSha256()).toList());
  }

  private static List<String> aptInReleaseDigests() throws Exception {
    try (Stream<Path> lists = Files.list(dir.resolve("lists"))) {
      List<String> digests = new ArrayList<>();
      for (Path file : lists.filter(f -> f.toString().endsWith("_InRelease")).toList()) {
        digests.add(Sha256.of(Files.readAllBytes(file)));
      }
      return digests;
    }
  }

  static Map<String, String> versions(Resolution resolution) {
    Map<String, String> result = new TreeMap<>();
    resolution.packages().forEach(p -> result.put(p.name(), p.version().toString()));
    return result;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "curl",
        "python3-minimal",
        "openssh-client",
        "libc6 curl openssl",
        "python3",
        "systemd",
        "exim4-daemon-light",
        "mutt",
        "gnupg"
      })
  void sameSelectionAsApt(String request) throws Exception {
    List<String> packages = List.of(request.split(" "));

    Resolution resolution = Resolver.resolve(universe, ResolveRequest.of(packages, Set.of()));

    assertThat(versions(resolution)).isEqualTo(apt.install(packages));
  }

  /**
   * Without its excludes, an example resolves to what apt installs. With them, temper's selection
   * is a part of that one, and each package left out is excluded or needed only through an excluded
   * package.
   */
  @ParameterizedTest
  @ValueSource(strings = {"static", "base", "java17"})
  void exampleMatchesAptMinusExcludes(String example) throws Exception {
    Spec spec = SpecLoader.load(Path.of("examples", example + ".yaml"));
    Resolution full = Resolver.resolve(universe, ResolveRequest.of(spec.packages(), Set.of()));
    Resolution trimmed =
        Resolver.resolve(universe, ResolveRequest.of(spec.packages(), spec.exclude()));

    assertThat(versions(full)).isEqualTo(apt.install(spec.packages()));
    assertThat(versions(full)).containsAllEntriesOf(versions(trimmed));
    assertThat(versions(trimmed)).doesNotContainKeys(spec.exclude().toArray(String[]::new));
    Set<String> reachable = reachableAvoiding(full, spec.packages(), Set.copyOf(spec.exclude()));
    assertThat(versions(trimmed).keySet()).containsExactlyInAnyOrderElementsOf(reachable);
  }

  /**
   * Returns the names that the requests reach through the selection's dependencies without passing
   * through an excluded package: what an exclude-aware apt would keep.
   */
  private static Set<String> reachableAvoiding(
      Resolution resolution, List<String> requests, Set<String> exclude) {
    Map<String, BinaryPackage> byName = new HashMap<>();
    Map<String, List<BinaryPackage>> byProvided = new HashMap<>();
    for (BinaryPackage pkg : resolution.packages()) {
      byName.put(pkg.name(), pkg);
      pkg.provides()
          .forEach(p -> byProvided.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(pkg));
    }
    Set<String> seen = new HashSet<>(requests);
    Deque<String> queue = new ArrayDeque<>(requests);
    while (!queue.isEmpty()) {
      BinaryPackage pkg = byName.get(queue.remove());
      List<Dependency> groups = new ArrayList<>(pkg.preDepends());
      groups.addAll(pkg.depends());
      for (Dependency group : groups) {
        boolean excluded =
            group.alternatives().stream().anyMatch(r -> exclude.contains(r.name()))
                || group.alternatives().stream()
                    .flatMap(r -> byProvided.getOrDefault(r.name(), List.of()).stream())
                    .anyMatch(p -> exclude.contains(p.name()));
        if (excluded) {
          continue;
        }
        for (var relation : group.alternatives()) {
          List<BinaryPackage> hits = new ArrayList<>();
          if (byName.containsKey(relation.name())) {
            hits.add(byName.get(relation.name()));
          }
          hits.addAll(byProvided.getOrDefault(relation.name(), List.of()));
          hits.stream().map(BinaryPackage::name).filter(seen::add).forEach(queue::add);
          if (!hits.isEmpty()) {
            break;
          }
        }
      }
    }
    return seen;
  }
}
