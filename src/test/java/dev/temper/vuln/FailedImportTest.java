package dev.temper.vuln;

import static dev.temper.vuln.Fixtures.glibcDsa;
import static dev.temper.vuln.Fixtures.h2Ghsa;
import static dev.temper.vuln.Fixtures.log4jGhsa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports that fail: the database appears only when an import completes, an existing database keeps
 * every byte, and no temporary file stays behind.
 */
class FailedImportTest {
  @TempDir Path temp;
  private Path dbDirectory;
  private Path db;
  private Path lock;

  @BeforeEach
  void paths() {
    dbDirectory = temp.resolve("db");
    db = dbDirectory.resolve(AdvisoryStore.FILE_NAME);
    lock = dbDirectory.resolve(AdvisoryStore.FILE_NAME + ".lock");
  }

  /** Returns input lists that each fail an import, some after their first input stored a record. */
  private Map<String, List<Path>> failingInputs() throws Exception {
    Path good = Fixtures.write(temp.resolve("in/GHSA-22wj-vf5f-wrvj.json"), h2Ghsa());
    Path complete =
        Fixtures.zip(
            temp.resolve("in/all.zip"),
            "DSA-5514-1.json",
            Fixtures.JSON.writeValueAsString(glibcDsa()),
            "GHSA-jfh8-c2jp-5v3q.json",
            Fixtures.JSON.writeValueAsString(log4jGhsa()));
    byte[] zipBytes = Files.readAllBytes(complete);
    Path truncated = temp.resolve("in/truncated.zip");
    Files.write(truncated, java.util.Arrays.copyOf(zipBytes, zipBytes.length - 30));
    Path invalid =
        Fixtures.writeText(
            temp.resolve("in/invalid.json"), "{\"id\": \"DSA-1-1\", \"affected\": [");
    Map<String, List<Path>> cases = new LinkedHashMap<>();
    cases.put("truncated zip", List.of(truncated));
    cases.put("invalid JSON record only", List.of(invalid));
    cases.put("missing file after a good one", List.of(good, temp.resolve("in/absent.json")));
    cases.put("truncated zip after a good file", List.of(good, truncated));
    cases.put("damaged second zip entry", List.of(damageSecondEntry(complete)));
    return cases;
  }

  /**
   * Copies {@code zip} with the deflate data of its second entry starting with a reserved block.
   */
  private Path damageSecondEntry(Path zip) throws IOException {
    Path damaged = temp.resolve("in/damaged.zip");
    Files.copy(zip, damaged);
    long offset;
    try (ZipFile file = ZipFile.builder().setPath(damaged).get()) {
      List<ZipArchiveEntry> entries = java.util.Collections.list(file.getEntriesInPhysicalOrder());
      assertThat(entries.get(1).getMethod()).isEqualTo(ZipArchiveEntry.DEFLATED);
      offset = entries.get(1).getDataOffset();
    }
    try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
      file.seek(offset);
      // BFINAL 1 and BTYPE 11: a block type that deflate reserves, so inflating fails at once.
      file.write(0xff);
    }
    return damaged;
  }

  private void importFails(AdvisoryStore store, List<Path> inputs) {
    assertThatThrownBy(() -> Fixtures.importAll(store, inputs.toArray(Path[]::new)))
        .isInstanceOfAny(InvalidInputException.class, NoSuchFileException.class);
  }

  private List<Path> directoryEntries() throws IOException {
    try (Stream<Path> list = Files.list(dbDirectory)) {
      return list.sorted().toList();
    }
  }

  @Test
  void failedFirstImportCreatesNoDatabase() throws Exception {
    for (Map.Entry<String, List<Path>> failing : failingInputs().entrySet()) {
      try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
        importFails(store, failing.getValue());
        assertThat(store.status()).as(failing.getKey()).isEmpty();
      }

      assertThat(db).as(failing.getKey()).doesNotExist();
      assertThat(directoryEntries()).as(failing.getKey()).containsExactly(lock);
    }
  }

  @Test
  void failedImportKeepsExistingDatabaseBytes() throws Exception {
    Path first = Fixtures.write(temp.resolve("first/DSA-5514-1.json"), glibcDsa());
    try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
      Fixtures.importAll(store, first);
    }
    byte[] before = Files.readAllBytes(db);

    for (Map.Entry<String, List<Path>> failing : failingInputs().entrySet()) {
      try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
        importFails(store, failing.getValue());

        assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).as(failing.getKey()).hasSize(1);
        assertThat(store.lookup(Ecosystem.MAVEN, "", "com.h2database:h2"))
            .as(failing.getKey())
            .isEmpty();
      }
      assertThat(Files.readAllBytes(db)).as(failing.getKey()).isEqualTo(before);
      assertThat(directoryEntries()).as(failing.getKey()).containsExactly(db, lock);
    }
  }

  @Test
  void damagedZipEntryIsNamed() throws Exception {
    Path damaged = failingInputs().get("damaged second zip entry").get(0);
    try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
      assertThatThrownBy(() -> Fixtures.importAll(store, damaged))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(damaged + ": entry GHSA-jfh8-c2jp-5v3q.json is damaged (")
          .hasMessageEndingWith("); archive rejected");
    }
  }

  @Test
  void completedImportReplacesFileAndStoreReadsIt() throws Exception {
    Path first = Fixtures.write(temp.resolve("first/DSA-5514-1.json"), glibcDsa());
    Path second = Fixtures.write(temp.resolve("second/GHSA-22wj-vf5f-wrvj.json"), h2Ghsa());
    try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
      Fixtures.importAll(store, first);
      Object firstKey = Files.readAttributes(db, "unix:ino").get("ino");
      Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-rw-r--"));

      Fixtures.importAll(store, second);

      assertThat(Files.readAttributes(db, "unix:ino").get("ino")).isNotEqualTo(firstKey);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
          .isEqualTo("rw-rw-r--");
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).hasSize(1);
      assertThat(store.lookup(Ecosystem.MAVEN, "", "com.h2database:h2")).hasSize(1);
    }
    assertThat(directoryEntries()).containsExactly(db, lock);
  }

  @Test
  void readingMissingDatabaseCreatesNothing() throws Exception {
    try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
      assertThat(store.status()).isEmpty();
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).isEmpty();
    }
    assertThat(dbDirectory).doesNotExist();
  }

  @Test
  void abandonedImportCopiesAreDeleted() throws Exception {
    Files.createDirectories(dbDirectory);
    Path copy = Files.writeString(dbDirectory.resolve(".advisories.db.import-1.tmp"), "partial");
    Path journal =
        Files.writeString(dbDirectory.resolve(".advisories.db.import-1.tmp-journal"), "");
    Path download =
        Files.writeString(dbDirectory.resolve(".advisories.db.import-download-2.tmp"), "");
    Path unrelated = Files.writeString(dbDirectory.resolve("notes.txt"), "kept");
    Path input = Fixtures.write(temp.resolve("in/DSA-5514-1.json"), glibcDsa());

    try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
      Fixtures.importAll(store, input);
    }

    assertThat(copy).doesNotExist();
    assertThat(journal).doesNotExist();
    assertThat(download).doesNotExist();
    assertThat(directoryEntries()).containsExactly(db, lock, unrelated);
  }

  @Test
  void concurrentImportsKeepBoth() throws Exception {
    Path first = Fixtures.write(temp.resolve("first/DSA-5514-1.json"), glibcDsa());
    Path second = Fixtures.write(temp.resolve("second/GHSA-22wj-vf5f-wrvj.json"), h2Ghsa());
    List<Thread> threads = new java.util.ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    for (Path input : List.of(first, second)) {
      Thread thread =
          new Thread(
              () -> {
                try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
                  Fixtures.importAll(store, input);
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(failures).isEmpty();
    try (AdvisoryStore store = AdvisoryStore.open(db, Fixtures.CLOCK)) {
      assertThat(store.lookup(Ecosystem.DEBIAN, "12", "glibc")).hasSize(1);
      assertThat(store.lookup(Ecosystem.MAVEN, "", "com.h2database:h2")).hasSize(1);
    }
  }
}
