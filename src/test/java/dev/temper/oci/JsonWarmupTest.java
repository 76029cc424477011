package dev.temper.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonWarmupTest {
  private static <T> T read(String json, Class<T> type) throws Exception {
    return OciJson.read(json.getBytes(StandardCharsets.UTF_8), type, "sample");
  }

  @Test
  void samplesFillTheNestedTypes() throws Exception {
    ImageManifest manifest = read(JsonWarmup.MANIFEST, ImageManifest.class);
    ImageIndex index = read(JsonWarmup.INDEX, ImageIndex.class);
    ImageConfig config = read(JsonWarmup.CONFIG, ImageConfig.class);

    assertThat(manifest.layers()).hasSize(1);
    assertThat(manifest.layers().get(0).platform()).isNotNull();
    assertThat(index.manifests()).hasSize(1);
    assertThat(config.config().user()).isEqualTo("65532");
    assertThat(config.history()).hasSize(1);
  }

  @Test
  void threadEndsByItself() throws Exception {
    Thread thread = JsonWarmup.start();

    thread.join(10_000);

    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread.isAlive()).isFalse();
  }
}
