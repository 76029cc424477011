package dev.temper.debian.resolve;

import static dev.temper.testing.TestPackage.pkg;

import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.debian.repository.ArchiveReader;
import dev.temper.debian.repository.LoadedSuite;
import dev.temper.debian.repository.RepositorySource;
import dev.temper.testing.AptOracle;
import dev.temper.testing.LoopbackServer;
import dev.temper.testing.PublishedArchive;
import dev.temper.testing.TestArchive;
import dev.temper.testing.TestPackage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Four signed suites published with dpkg-deb and gpg and served on loopback, holding one small
 * scenario per package-name prefix: {@code stable}, {@code updates} (newer versions), {@code extra}
 * ({@code NotAutomatic: yes}) and {@code backports} (also {@code ButAutomaticUpgrades}).
 */
final class ResolverFixture implements AutoCloseable {
  private final List<LoopbackServer> servers = new ArrayList<>();
  private final List<PublishedArchive> archives = new ArrayList<>();
  private final List<LoadedSuite> suites = new ArrayList<>();
  private final PackageUniverse universe;

  ResolverFixture(Path dir) throws Exception {
    publish(dir, "stable", stable(), null);
    publish(dir, "updates", List.of(pkg("ms-pkg", "1.2"), pkg("ms-lib", "2.0")), null);
    publish(dir, "extra", List.of(pkg("na-pkg", "2.0"), pkg("na-only", "1.0")), "no");
    publish(dir, "backports", List.of(pkg("bau-pkg", "2.0")), "yes");
    PackageUniverse.Builder builder = PackageUniverse.builder("amd64", List.of());
    suites.forEach(builder::addSuite);
    universe = builder.build();
  }

  PackageUniverse universe() {
    return universe;
  }

  List<LoadedSuite> suites() {
    return suites;
  }

  /** Configures a private apt over the same four suites. */
  AptOracle apt(Path dir) throws Exception {
    List<AptOracle.Source> sources = new ArrayList<>();
    for (int i = 0; i < archives.size(); i++) {
      PublishedArchive archive = archives.get(i);
      sources.add(
          new AptOracle.Source(
              servers.get(i).uri("/"),
              List.of(archive.suite()),
              List.of("main"),
              archive.publicKey()));
    }
    return AptOracle.create(dir, sources);
  }

  private static List<TestPackage> stable() {
    return List.of(
        // alternatives
        pkg("alt-app", "1.0").depends("alt-missing | alt-second | alt-third"),
        pkg("alt-app2", "1.0").depends("alt-third | alt-second"),
        pkg("alt-second", "1.0"),
        pkg("alt-third", "1.0"),
        // virtual packages
        pkg("virt-app", "1.0").depends("virt-name"),
        pkg("virt-p1", "1.0").provides("virt-name"),
        pkg("virt-p2", "1.0").provides("virt-name").priority("required"),
        pkg("tie-app", "1.0").depends("tie-name"),
        pkg("tie-a", "1.0").provides("tie-name"),
        pkg("tie-b", "1.0").provides("tie-name"),
        pkg("solo-provider", "1.0").provides("solo-name"),
        pkg("real-app", "1.0").depends("real-name"),
        pkg("real-impostor", "1.0").provides("real-name").priority("required"),
        pkg("real-name", "1.0"),
        // versioned provides
        pkg("vp-app", "1.0").depends("vp-name (>= 2)"),
        pkg("vp-old", "1.0").provides("vp-name"),
        pkg("vp-new", "1.0").provides("vp-name (= 3)"),
        pkg("vp-low", "1.0").depends("vp-low-name (>= 2)"),
        pkg("vp-low-provider", "1.0").provides("vp-low-name (= 1.5)"),
        // conflicts and breaks
        pkg("cf-app", "1.0").depends("cf-first | cf-second"),
        pkg("cf-first", "1.0").conflicts("cf-base"),
        pkg("cf-second", "1.0"),
        pkg("cf-base", "1.0"),
        pkg("cf-only", "1.0").depends("cf-first"),
        pkg("br-app", "1.0").depends("br-first | br-second"),
        pkg("br-first", "1.0").breaks("br-app (<< 2)"),
        pkg("br-second", "1.0"),
        pkg("cfv-app", "1.0").depends("cfv-first | cfv-second").provides("cfv-virtual"),
        pkg("cfv-first", "1.0").conflicts("cfv-virtual"),
        pkg("cfv-second", "1.0"),
        // a first alternative whose own dependency cannot be met
        pkg("bt-app", "1.0").depends("bt-broken | bt-ok"),
        pkg("bt-broken", "1.0").depends("bt-missing"),
        pkg("bt-ok", "1.0"),
        // excludes
        pkg("ex-app", "1.0").depends("ex-shell, ex-other | ex-alt, ex-virtual, ex-lib (>= 9)"),
        pkg("ex-shell", "1.0"),
        pkg("ex-other", "1.0"),
        pkg("ex-alt", "1.0"),
        pkg("ex-provider", "1.0").provides("ex-virtual"),
        pkg("ex-lib", "1.0"),
        // cycles
        pkg("cyc-a", "1.0").depends("cyc-b"),
        pkg("cyc-b", "1.0").preDepends("cyc-c"),
        pkg("cyc-c", "1.0").depends("cyc-a (= 1.0)"),
        pkg("loop-a", "1.0").depends("loop-b (>= 1)"),
        pkg("loop-b", "1.0").depends("loop-a"),
        // unsatisfiable
        pkg("un-bar", "1.0").depends("un-foo (>= 2)"),
        pkg("un-foo", "1.5"),
        pkg("un-deep", "1.0").depends("un-mid"),
        pkg("un-mid", "1.0").depends("un-nowhere | un-foo (>= 3)"),
        // suites and pins
        pkg("ms-pkg", "1.0"),
        pkg("ms-lib", "1.0"),
        pkg("ms-user", "1.0").depends("ms-lib (>= 1.5)"),
        pkg("na-pkg", "1.0"),
        pkg("bau-pkg", "1.0"),
        // Multi-Arch
        pkg("ma-app", "1.0").depends("ma-allowed:any, ma-foreign"),
        pkg("ma-allowed", "1.0").multiArch("allowed"),
        pkg("ma-foreign", "1.0").multiArch("foreign").arch("all"),
        pkg("ma-bad", "1.0").depends("ma-plain:any"),
        pkg("ma-plain", "1.0"),
        // essential
        pkg("ess-base", "1.0").essential().priority("required"),
        pkg("ess-user", "1.0").depends("ess-base"),
        pkg("ess-app", "1.0"));
  }

  private void publish(Path dir, String suite, List<TestPackage> packages, String butAutomatic)
      throws Exception {
    TestArchive archive = TestArchive.create(dir.resolve(suite)).suite(suite).component("main");
    if (butAutomatic != null) {
      archive.releaseField("NotAutomatic", "yes");
      if (butAutomatic.equals("yes")) {
        archive.releaseField("ButAutomaticUpgrades", "yes");
      }
    }
    PublishedArchive published = archive.add(packages.toArray(TestPackage[]::new)).publish();
    LoopbackServer server = LoopbackServer.serving(published.root());
    servers.add(server);
    archives.add(published);
    Downloader downloader =
        Downloader.builder(new ContentCache(dir.resolve("cache"), Clock.systemUTC())).build();
    suites.add(
        new ArchiveReader(downloader, Clock.systemUTC())
            .read(
                new RepositorySource(
                    suite,
                    server.uri("/"),
                    suite,
                    List.of("main"),
                    List.of("amd64"),
                    published.keyring())));
  }

  @Override
  public void close() {
    servers.forEach(LoopbackServer::close);
  }
}
