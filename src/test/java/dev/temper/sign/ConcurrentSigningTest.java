package dev.temper.sign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.oci.Descriptor;
import dev.temper.oci.layout.OciLayout;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.oci.testing.TarBuilder;
import dev.temper.oci.testing.TestImages;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signs and attests one image in one layout from several threads at once, each through its own
 * store, and checks that no signature, attestation or referrer is lost. A layout writer that adds a
 * tag at the same time must keep its entry too, because it takes the same lock.
 */
class ConcurrentSigningTest {
  private static final int SIGNERS = 6;
  private static final int ROUNDS = 3;

  @TempDir Path dir;

  @Test
  void concurrentSignersKeepEverySignature() throws Exception {
    Path layout = dir.resolve("layout");
    Descriptor image = writeImage(layout, "app", "v1");
    BlobDescriptor subject =
        new BlobDescriptor(image.mediaType(), image.digest().toString(), image.size(), Map.of());
    ExecutorService pool = Executors.newFixedThreadPool(SIGNERS + 1);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        runRound(pool, layout, subject, round);
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    ArtifactStore store = ArtifactStore.ociLayout(layout);
    int total = SIGNERS * ROUNDS;

    assertThat(signers(CosignImages.signatures(store, subject.digest()))).hasSize(total);
    assertThat(CosignImages.attestations(store, subject.digest())).hasSize(total);
    assertThat(BundleReferrers.find(store, subject.digest())).hasSize(total);
    assertThat(OciLayout.open(layout).tags()).contains("v1", "other-0", "other-1", "other-2");
    assertThat(OciLayout.open(layout).resolve("v1").digest()).isEqualTo(image.digest());
  }

  /** Starts every signer and one layout writer at the same moment and waits for all of them. */
  private static void runRound(ExecutorService pool, Path layout, BlobDescriptor subject, int round)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(SIGNERS + 1);
    List<Future<?>> tasks = new ArrayList<>();
    for (int i = 0; i < SIGNERS; i++) {
      String signer = round + "-" + i;
      tasks.add(
          pool.submit(
              () -> {
                start.await();
                signAndAttest(ArtifactStore.ociLayout(layout), subject, signer);
                return null;
              }));
    }
    tasks.add(
        pool.submit(
            () -> {
              start.await();
              writeImage(layout, "other " + round, "other-" + round);
              return null;
            }));
    for (Future<?> task : tasks) {
      task.get(120, TimeUnit.SECONDS);
    }
  }

  private static void signAndAttest(ArtifactStore store, BlobDescriptor subject, String signer)
      throws Exception {
    SigningKey key = SigningKey.generate(new SecureRandom());
    CosignImages.Attached signed =
        CosignImages.sign(store, subject.digest(), "example/app", Map.of("signer", signer), key);
    BundleReferrers.attach(store, subject, signed.bundle(), "");
    JsonNode predicate = Json.MAPPER.createObjectNode().put("signer", signer);
    InTotoStatement statement =
        new InTotoStatement(
            "example/app", Digests.hex(subject.digest()), "https://example.com/test", predicate);
    CosignImages.attest(store, subject.digest(), statement, key);
  }

  private static Descriptor writeImage(Path layout, String content, String tag) throws Exception {
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      Descriptor manifest =
          TestImages.write(writer, List.of(new TarBuilder().file("etc/motd", content).build()));
      writer.tag(manifest, tag);
      writer.commit();
      return manifest;
    }
  }

  /** Returns the distinct {@code signer} annotations of the simple-signing payloads. */
  private static Set<String> signers(List<SignatureLayer> layers) throws Exception {
    Set<String> signers = new TreeSet<>();
    for (SignatureLayer layer : layers) {
      JsonNode payload = Json.parse(layer.content().orElseThrow(), layer.name());
      signers.add(payload.path("optional").path("signer").asText());
    }
    return signers;
  }
}
