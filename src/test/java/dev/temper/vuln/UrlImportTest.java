package dev.temper.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.cache.RetryPolicy;
import dev.temper.error.IntegrityException;
import dev.temper.testing.LoopbackServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlImportTest {
  @TempDir Path temp;

  private Downloader downloader() {
    return Downloader.builder(new ContentCache(temp.resolve("cache"), Fixtures.CLOCK))
        .retryPolicy(
            new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)))
        .build();
  }

  @Test
  void urlWithDigestStreamsThroughCache() throws Exception {
    byte[] zip =
        Files.readAllBytes(
            Fixtures.zip(
                temp.resolve("all.zip"),
                "DSA-5514-1.json",
                Fixtures.JSON.writeValueAsString(Fixtures.glibcDsa())));
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
    try (LoopbackServer server = LoopbackServer.start().put("/Debian/all.zip", zip);
        AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportInput input =
          new ImportInput(server.uri("/Debian/all.zip").toString(), Optional.of(sha256));

      ImportReport report =
          new AdvisoryImporter(store, downloader(), 1 << 20).importAll(List.of(input));

      assertThat(report.recordsStored(AdvisorySource.OSV)).isEqualTo(1);
      assertThat(Files.exists(temp.resolve("cache/blobs/sha256").resolve(sha256))).isTrue();
    }
  }

  @Test
  void urlWithWrongDigestFailsAndStoresNothing() throws Exception {
    byte[] body = Fixtures.JSON.writeValueAsBytes(Fixtures.glibcDsa());
    try (LoopbackServer server = LoopbackServer.start().put("/DSA-5514-1.json", body);
        AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportInput input =
          new ImportInput(server.uri("/DSA-5514-1.json").toString(), Optional.of("0".repeat(64)));

      assertThatThrownBy(
              () -> new AdvisoryImporter(store, downloader(), 1 << 20).importAll(List.of(input)))
          .isInstanceOf(IntegrityException.class);
      assertThat(store.status()).isEmpty();
    }
  }

  @Test
  void urlWithoutDigestIsBoundedBySize() throws Exception {
    byte[] body = Fixtures.JSON.writeValueAsBytes(Fixtures.glibcDsa());
    try (LoopbackServer server = LoopbackServer.start().put("/DSA-5514-1.json", body);
        AdvisoryStore store = Fixtures.openStore(temp)) {
      ImportInput input = ImportInput.of(server.uri("/DSA-5514-1.json").toString());

      assertThatThrownBy(
              () -> new AdvisoryImporter(store, downloader(), 100).importAll(List.of(input)))
          .hasMessageEndingWith("larger than the limit of 100 bytes");
      assertThat(
              new AdvisoryImporter(store, downloader(), 1 << 20)
                  .importAll(List.of(input))
                  .recordsStored(AdvisorySource.OSV))
          .isEqualTo(1);
      try (var leftovers = Files.list(temp)) {
        assertThat(leftovers.map(path -> path.getFileName().toString()))
            .noneMatch(name -> name.startsWith(".import-"));
      }
    }
  }
}
