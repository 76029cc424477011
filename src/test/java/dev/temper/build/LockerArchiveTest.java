package dev.temper.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.debian.repository.MirrorResolver;
import dev.temper.testing.ArchiveIndexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Locks the examples against the real archive of the host's apt sources. */
@Tag("archive")
class LockerArchiveTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"static", "base", "java17"})
  void locksExampleStablyAndKeepsIt(String example) throws Exception {
    Path spec = Files.copy(Path.of("examples", example + ".yaml"), dir.resolve(example + ".yaml"));
    Spec loaded = SpecLoader.load(spec);
    MirrorResolver mirrors = MirrorResolver.fromHost();
    Locker locker = new Locker(ArchiveIndexes.downloader(), mirrors, Clock.systemUTC());

    Locker.Outcome created = locker.lock(spec, false);
    String written = Files.readString(created.lockFile());
    Locker.Outcome updated = locker.lock(spec, true);
    Locker.Outcome kept = locker.lock(spec, false);

    assertThat(created.status()).isEqualTo(Locker.Status.CREATED);
    assertThat(created.lockFile()).isEqualTo(dir.resolve(example + ".lock.json"));
    assertThat(updated.status()).isEqualTo(Locker.Status.UPDATED);
    assertThat(Files.readString(updated.lockFile())).isEqualTo(written);
    assertThat(kept.status()).isEqualTo(Locker.Status.KEPT);
    Lock lock = kept.lock();
    assertThat(lock.packages())
        .extracting(Lock.Package::name)
        .isSorted()
        .containsAll(loaded.packages())
        .doesNotContainAnyElementsOf(loaded.exclude());
    assertThat(lock.repositories())
        .extracting(r -> r.name() + " " + r.suite())
        .containsExactly(
            "debian bookworm", "debian bookworm-updates", "debian-security bookworm-security");
    for (Lock.Repository repository : lock.repositories()) {
      assertThat(repository.inReleaseSha256())
          .isEqualTo(ArchiveIndexes.loadMainAmd64(repository.suite()).release().inReleaseSha256());
      assertThat(repository.url()).isNull();
    }
    for (Lock.Package pkg : lock.packages()) {
      assertThat(pkg.sha256()).as("SHA-256 of %s", pkg.name()).matches("[0-9a-f]{64}");
      assertThat(pkg.filename()).as("file of %s", pkg.name()).startsWith("pool/").endsWith(".deb");
    }
    assertThat(written).doesNotContain(mirrors.mirrorFor("bookworm").getHost());
  }
}
