package dev.temper.build;

import static dev.temper.testing.TestPackage.pkg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.cache.Sha256;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.error.InvalidInputException;
import dev.temper.error.UnsatisfiableException;
import dev.temper.testing.LoopbackServer;
import dev.temper.testing.PublishedArchive;
import dev.temper.testing.TestArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locks specs against two signed suites that the tests publish and serve on loopback. */
class LockerTest {
  @TempDir static Path archives;
  static PublishedArchive stable;
  static PublishedArchive updates;
  static LoopbackServer stableServer;
  static LoopbackServer updatesServer;

  @TempDir Path dir;

  @BeforeAll
  static void publish() throws Exception {
    stable =
        TestArchive.create(archives.resolve("stable"))
            .suite("stable")
            .codename("trixie")
            .add(
                pkg("app", "1.0").depends("libgreet1 (>= 1.0), shell | other-shell"),
                pkg("libgreet1", "1.0").source("greet (1.0-1)"),
                pkg("shell", "1.0").essential(),
                pkg("broken", "1.0").depends("libgreet1 (>= 9)"))
            .publish();
    updates =
        TestArchive.create(archives.resolve("updates"))
            .suite("stable-updates")
            .add(pkg("libgreet1", "1.2").source("greet (1.2-1)"))
            .publish();
    stableServer = LoopbackServer.serving(stable.root());
    updatesServer = LoopbackServer.serving(updates.root());
  }

  @AfterAll
  static void stop() {
    stableServer.close();
    updatesServer.close();
  }

  /** Writes a spec whose two repositories name their loopback URL and their key. */
  Path spec(String packages, String exclude) throws Exception {
    Files.copy(stable.publicKey(), dir.resolve("stable.gpg"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        updates.publicKey(), dir.resolve("updates.gpg"), StandardCopyOption.REPLACE_EXISTING);
    String text =
        "name: test\n"
            + "repositories:\n"
            + "  - name: main\n"
            + "    url: "
            + stableServer.uri("/")
            + "\n    suites: [stable]\n"
            + "    keyrings: [stable.gpg]\n"
            + "  - name: updates\n"
            + "    url: "
            + updatesServer.uri("/")
            + "\n    suites: [stable-updates]\n"
            + "    keyrings: [updates.gpg]\n"
            + "packages: "
            + packages
            + "\nexclude: "
            + exclude
            + "\n";
    return Files.writeString(dir.resolve("test.yaml"), text);
  }

  Locker locker() {
    Downloader downloader =
        Downloader.builder(new ContentCache(dir.resolve("cache"), Clock.systemUTC())).build();
    return new Locker(downloader, new MirrorResolver(Map.of(), List.of()), Clock.systemUTC());
  }

  @Test
  void writesLockWithPackagesAndReleaseDigests() throws Exception {
    Path spec = spec("[app]", "[]");

    Locker.Outcome outcome = locker().lock(spec, false);

    assertThat(outcome.status()).isEqualTo(Locker.Status.CREATED);
    assertThat(outcome.lockFile()).isEqualTo(dir.resolve("test.lock.json"));
    Lock lock = LockFiles.read(outcome.lockFile());
    assertThat(lock).isEqualTo(outcome.lock());
    assertThat(lock.packages())
        .extracting(p -> p.name() + "=" + p.version() + " " + p.repository() + "/" + p.suite())
        .containsExactly(
            "app=1.0 main/stable", "libgreet1=1.2 updates/stable-updates", "shell=1.0 main/stable");
    Lock.Package greet = lock.packages().get(1);
    assertThat(greet.source()).isEqualTo("greet");
    assertThat(greet.sourceVersion()).isEqualTo("1.2-1");
    assertThat(greet.sha256()).isEqualTo(Sha256.of(Files.readAllBytes(updates.deb("libgreet1"))));
    assertThat(greet.filename()).isEqualTo(updates.poolFiles().get(0));
    assertThat(lock.packages().get(2).essential()).isTrue();
    assertThat(lock.packages().get(0).essential()).isFalse();
    assertThat(lock.repositories())
        .extracting(Lock.Repository::name, Lock.Repository::suite, Lock.Repository::inReleaseSha256)
        .containsExactly(
            tuple("main", "stable", Sha256.of(stable.inReleaseBytes())),
            tuple("updates", "stable-updates", Sha256.of(updates.inReleaseBytes())));
    assertThat(lock.repositories().get(0).signedBy()).containsExactly(stable.signerFingerprint());
    assertThat(lock.repositories().get(0).codename()).isEqualTo("trixie");
    assertThat(Files.readString(outcome.lockFile())).doesNotContain("\"essential\" : false");
  }

  @Test
  void keepsMatchingLockWithoutReadingArchive() throws Exception {
    Path spec = spec("[app]", "[shell]");
    Locker.Outcome first = locker().lock(spec, false);
    int requests = stableServer.requestCount("/dists/stable/InRelease");

    Locker.Outcome second = locker().lock(spec, false);

    assertThat(second.status()).isEqualTo(Locker.Status.KEPT);
    assertThat(second.lock()).isEqualTo(first.lock());
    assertThat(stableServer.requestCount("/dists/stable/InRelease")).isEqualTo(requests);
    assertThat(first.lock().packages()).extracting(Lock.Package::name).doesNotContain("shell");
  }

  @Test
  void updateResolvesAgainAndWritesSameBytes() throws Exception {
    Path spec = spec("[app]", "[]");
    Locker.Outcome first = locker().lock(spec, false);
    String written = Files.readString(first.lockFile());

    Locker.Outcome second = locker().lock(spec, true);

    assertThat(second.status()).isEqualTo(Locker.Status.UPDATED);
    assertThat(second.changed()).isFalse();
    assertThat(Files.readString(second.lockFile())).isEqualTo(written);
  }

  @Test
  void replacesStaleLock() throws Exception {
    locker().lock(spec("[app]", "[]"), false);
    Path changed = spec("[app, 'libgreet1=1.0']", "[]");

    Locker.Outcome outcome = locker().lock(changed, false);

    assertThat(outcome.status()).isEqualTo(Locker.Status.REPLACED_STALE);
    assertThat(outcome.changed()).isTrue();
    assertThat(LockFiles.read(outcome.lockFile()).packages())
        .extracting(p -> p.name() + "=" + p.version())
        .contains("libgreet1=1.0");
  }

  @Test
  void rejectsArchivePathThatLeavesTheArchive() throws Exception {
    Locker.Outcome first = locker().lock(spec("[app]", "[]"), false);
    String json = Files.readString(first.lockFile());
    String edited =
        json.replaceFirst("\"filename\" : \"pool/", "\"filename\" : \"pool/../../../../etc/");
    assertThat(edited).isNotEqualTo(json);
    Files.writeString(first.lockFile(), edited);

    assertThatThrownBy(() -> LockFiles.read(first.lockFile()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid archive path: invalid entry path 'pool/../../../../etc/");
  }

  @Test
  void rejectsInvalidLockWithoutUpdate() throws Exception {
    Path spec = spec("[app]", "[]");
    Files.writeString(dir.resolve("test.lock.json"), "{\"lockVersion\": 99}");

    assertThatThrownBy(() -> locker().lock(spec, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unsupported lock format version 99");
    assertThat(locker().lock(spec, true).status()).isEqualTo(Locker.Status.UPDATED);
  }

  @Test
  void unsatisfiableRequestLeavesNoLock() throws Exception {
    Path spec = spec("[broken]", "[]");

    assertThatThrownBy(() -> locker().lock(spec, false))
        .isInstanceOf(UnsatisfiableException.class)
        .hasMessage(
            "libgreet1 (>= 9) required by broken=1.0:amd64: candidates libgreet1=1.2 do not"
                + " satisfy >= 9");
    assertThat(dir.resolve("test.lock.json")).doesNotExist();
  }
}
