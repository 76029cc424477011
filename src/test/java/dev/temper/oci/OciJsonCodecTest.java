package dev.temper.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the streaming reader and writer of OCI documents against the Jackson data-binding mapper
 * that wrote every manifest, index and config before them: the bytes, and with them every digest
 * temper computes, must stay the same.
 */
class OciJsonCodecTest {
  private static final String HEX = "0123456789abcdef";
  private static final String[] WORDS = {
    "",
    "a",
    "linux",
    "amd64",
    "v8",
    "org.opencontainers.image.title",
    "ü",
    "\"quoted\"",
    "tab\t",
    "line\nbreak",
    "\u0001",
    "</script>",
    "😀",
    "emoji 😀 and ß"
  };

  private static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }

  /** Returns the bytes the data-binding mapper writes, the reference for the canonical form. */
  private static byte[] reference(Object value) throws Exception {
    return OciJson.mapper().writeValueAsBytes(value);
  }

  @Test
  void randomDocumentsWriteAsTheMapperDoes() throws Exception {
    Random random = new Random(20261204);
    for (int round = 0; round < 400; round++) {
      ImageManifest manifest = manifest(random);
      ImageIndex index = index(random);
      ImageConfig config = config(random);

      assertThat(text(OciJson.write(manifest))).isEqualTo(text(reference(manifest)));
      assertThat(text(OciJson.write(index))).isEqualTo(text(reference(index)));
      assertThat(text(OciJson.write(config))).isEqualTo(text(reference(config)));
    }
  }

  @Test
  void randomDocumentsReadAsTheMapperDoes() throws Exception {
    Random random = new Random(7);
    for (int round = 0; round < 400; round++) {
      byte[] manifest = reference(manifest(random));
      byte[] index = reference(index(random));
      byte[] config = reference(config(random));

      assertThat(OciJson.read(manifest, ImageManifest.class, "m"))
          .isEqualTo(OciJson.mapper().readValue(manifest, ImageManifest.class));
      assertThat(OciJson.read(index, ImageIndex.class, "i"))
          .isEqualTo(OciJson.mapper().readValue(index, ImageIndex.class));
      assertThat(OciJson.read(config, ImageConfig.class, "c"))
          .isEqualTo(OciJson.mapper().readValue(config, ImageConfig.class));
    }
  }

  @Test
  void dockerManifestListKeepsItsFields() throws Exception {
    String json =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.list.v2+json\","
            + "\"manifests\":[{\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
            + "\"size\":529,\"digest\":\"sha256:"
            + "a".repeat(64)
            + "\",\"platform\":{\"architecture\":\"arm\",\"os\":\"linux\",\"variant\":\"v7\","
            + "\"os.features\":[\"x\"]}}]}";

    ImageIndex index = OciJson.read(utf8(json), ImageIndex.class, "list");

    assertThat(index).isEqualTo(OciJson.mapper().readValue(utf8(json), ImageIndex.class));
    assertThat(index.manifests().get(0).platform()).isEqualTo(new Platform("linux", "arm", "v7"));
    assertThat(index.manifests().get(0).size()).isEqualTo(529);
  }

  @Test
  void unknownFieldsAndNullsAreSkipped() throws Exception {
    String json =
        "{\"schemaVersion\":2,\"future\":{\"a\":[1,{\"b\":null}]},\"annotations\":null,"
            + "\"layers\":null,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"sha256:"
            + "b".repeat(64)
            + "\",\"size\":2,\"platform\":null,\"urls\":[\"x\"]}}";

    ImageManifest manifest = OciJson.read(utf8(json), ImageManifest.class, "m");

    assertThat(manifest.layers()).isEmpty();
    assertThat(manifest.annotations()).isEmpty();
    assertThat(manifest.config().size()).isEqualTo(2);
    assertThat(manifest).isEqualTo(OciJson.mapper().readValue(utf8(json), ImageManifest.class));
  }

  @Test
  void wrongTypeNamesTheField() {
    String json =
        "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"sha256:"
            + "c".repeat(64)
            + "\",\"size\":1},\"layers\":[{\"mediaType\":\"a/b\",\"digest\":\"sha256:"
            + "c".repeat(64)
            + "\",\"size\":\"12\"}]}";

    assertThatThrownBy(() -> OciJson.read(utf8(json), ImageManifest.class, "blob"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("blob: invalid image manifest at line 1, column ")
        .hasMessageEndingWith(
            ": field 'layers[0].size' has the wrong type, expected a whole number");
  }

  @Test
  void badDigestNamesTheField() {
    String json =
        "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"sha256:../../x\","
            + "\"size\":1}}";

    assertThatThrownBy(() -> OciJson.read(utf8(json), ImageManifest.class, "blob"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith(
            ": invalid field 'config.digest': invalid sha256 digest: expected 64 lower-case hex"
                + " digits");
  }

  @Test
  void descriptorWithoutDigestIsRejected() {
    String json = "{\"manifests\":[{\"mediaType\":\"a/b\",\"size\":1}]}";

    assertThatThrownBy(() -> OciJson.read(utf8(json), ImageIndex.class, "index.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith(": invalid field 'manifests[0]': a descriptor needs a digest");
  }

  @Test
  void descriptorWithoutSizeIsRejected() {
    String json =
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"a/b\",\"digest\":\"sha256:"
            + "e".repeat(64)
            + "\"}]}";

    assertThatThrownBy(() -> OciJson.read(utf8(json), ImageIndex.class, "index.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith(": invalid field 'manifests[0]': a descriptor needs a size");
    // The data-binding mapper rejects it too, so the reader accepts no more than it did.
    assertThatThrownBy(() -> OciJson.mapper().readValue(utf8(json), ImageIndex.class))
        .hasMessageContaining("Cannot map `null` into type `long`");
  }

  @Test
  void documentWithoutSchemaVersionIsRejected() {
    String manifest =
        "{\"config\":{\"mediaType\":\"a/b\",\"digest\":\"sha256:"
            + "f".repeat(64)
            + "\",\"size\":1}}";

    assertThatThrownBy(() -> OciJson.read(utf8(manifest), ImageManifest.class, "blob"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith(": invalid value: the manifest has no schemaVersion");
    assertThatThrownBy(() -> OciJson.read(utf8("{\"manifests\":[]}"), ImageIndex.class, "i"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith(": invalid value: the index has no schemaVersion");
    assertThatThrownBy(() -> OciJson.mapper().readValue(utf8(manifest), ImageManifest.class))
        .hasMessageContaining("Cannot map `null` into type `int`");
  }

  @Test
  void manifestWithoutConfigIsRejected() {
    assertThatThrownBy(
            () -> OciJson.read(utf8("{\"schemaVersion\":2}"), ImageManifest.class, "blob"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith(": invalid value: the manifest has no config descriptor");
  }

  @Test
  void duplicateKeyIsRejected() {
    String json = "{\"schemaVersion\":2,\"mediaType\":\"a\",\"mediaType\":\"b\"}";

    assertThatThrownBy(() -> OciJson.read(utf8(json), ImageIndex.class, "index.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("index.json: invalid JSON at line 1, column 47: duplicate key 'mediaType'");
  }

  @Test
  void nullInAListIsRejected() {
    String json = "{\"manifests\":[null]}";

    assertThatThrownBy(() -> OciJson.read(utf8(json), ImageIndex.class, "index.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith(": invalid field 'manifests[0]': null is not allowed in this list");
  }

  @Test
  void sizeOutOfRangeIsRejected() {
    String json =
        "{\"manifests\":[{\"mediaType\":\"a/b\",\"digest\":\"sha256:"
            + "d".repeat(64)
            + "\",\"size\":99999999999999999999}]}";

    assertThatThrownBy(() -> OciJson.read(utf8(json), ImageIndex.class, "index.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith(
            ": invalid field 'manifests[0].size': the number 99999999999999999999 is out of range");
  }

  @Test
  void trailingContentIsRejected() {
    assertThatThrownBy(
            () -> OciJson.read(utf8("{\"schemaVersion\":2} {}"), ImageIndex.class, "index.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("index.json: invalid JSON at line 1, column ");
  }

  @Test
  void emptyAndNonObjectDocumentsAreRejected() {
    assertThatThrownBy(() -> OciJson.read(new byte[0], ImageIndex.class, "index.json"))
        .hasMessage("index.json: empty JSON document");
    assertThatThrownBy(() -> OciJson.read(utf8("[1]"), ImageConfig.class, "config"))
        .hasMessage(
            "config: invalid image config at line 1, column 1: the document has the wrong type,"
                + " expected an object");
  }

  @Test
  void deepNestingInAnUnknownFieldIsRejected() {
    String json = "{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";

    assertThatThrownBy(() -> OciJson.read(utf8(json), ImageIndex.class, "index.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("index.json: invalid JSON");
  }

  private static ImageManifest manifest(Random random) {
    List<Descriptor> layers = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      layers.add(descriptor(random));
    }
    return new ImageManifest(
        random.nextInt(3),
        maybe(random, MediaTypes.OCI_MANIFEST),
        maybe(random, "application/vnd.example+json"),
        descriptor(random),
        layers,
        random.nextBoolean() ? descriptor(random) : null,
        strings(random));
  }

  private static ImageIndex index(Random random) {
    List<Descriptor> manifests = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      Descriptor descriptor = descriptor(random);
      manifests.add(
          random.nextBoolean()
              ? descriptor.withPlatform(
                  new Platform(
                      word(random), word(random), random.nextBoolean() ? null : word(random)))
              : descriptor);
    }
    return new ImageIndex(
        2,
        maybe(random, MediaTypes.OCI_INDEX),
        maybe(random, word(random)),
        manifests,
        random.nextInt(4) == 0 ? descriptor(random) : null,
        strings(random));
  }

  private static ImageConfig config(Random random) {
    ImageConfig.RunConfig run =
        random.nextInt(5) == 0
            ? null
            : new ImageConfig.RunConfig(
                maybe(random, word(random)),
                objects(random),
                random.nextBoolean() ? null : words(random),
                random.nextBoolean() ? null : words(random),
                random.nextBoolean() ? null : words(random),
                objects(random),
                maybe(random, word(random)),
                strings(random),
                maybe(random, word(random)));
    List<Digest> diffIds = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      diffIds.add(digest(random));
    }
    List<ImageConfig.History> history = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      Boolean empty = random.nextInt(3) == 0 ? null : random.nextBoolean();
      history.add(
          new ImageConfig.History(
              maybe(random, word(random)), maybe(random, word(random)), maybe(random, ""), empty));
    }
    return new ImageConfig(
        maybe(random, "2024-01-01T00:00:00Z"),
        maybe(random, word(random)),
        maybe(random, "amd64"),
        maybe(random, "linux"),
        maybe(random, word(random)),
        run,
        random.nextInt(4) == 0
            ? null
            : new ImageConfig.RootFs(random.nextInt(4) == 0 ? null : "layers", diffIds),
        history);
  }

  private static Descriptor descriptor(Random random) {
    return new Descriptor(
        word(random).isEmpty() ? "a/b" : "application/" + word(random),
        digest(random),
        random.nextInt(3) == 0 ? 0 : random.nextLong() & Long.MAX_VALUE,
        strings(random),
        random.nextInt(3) == 0 ? new Platform("linux", "arm64", maybe(random, "v8")) : null,
        maybe(random, word(random)));
  }

  private static Digest digest(Random random) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      hex.append(HEX.charAt(random.nextInt(16)));
    }
    return new Digest("sha256", hex.toString());
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String maybe(Random random, String value) {
    return random.nextInt(3) == 0 ? null : value;
  }

  private static List<String> words(Random random) {
    List<String> words = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      words.add(word(random));
    }
    return words;
  }

  /** Returns a map in random key order, with an occasional null value. */
  private static Map<String, String> strings(Random random) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      map.put(word(random) + i, random.nextInt(6) == 0 ? null : word(random));
    }
    return map;
  }

  /** Returns a map like {@code ExposedPorts}, with values of any JSON content. */
  private static Map<String, Map<String, Object>> objects(Random random) {
    Map<String, Map<String, Object>> map = new LinkedHashMap<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      Map<String, Object> inner = new LinkedHashMap<>();
      for (int j = random.nextInt(3); j > 0; j--) {
        inner.put(word(random) + j, untyped(random, 2));
      }
      map.put(i + "/tcp", random.nextInt(8) == 0 ? null : inner);
    }
    return map;
  }

  private static Object untyped(Random random, int depth) {
    switch (random.nextInt(depth > 0 ? 9 : 7)) {
      case 0:
        return null;
      case 1:
        return word(random);
      case 2:
        return random.nextInt();
      case 3:
        return random.nextLong();
      case 4:
        return random.nextDouble() * 1e12;
      case 5:
        return random.nextBoolean();
      case 6:
        return 1.5e-7;
      case 7:
        return List.of(word(random), random.nextInt(100));
      default:
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", untyped(random, depth - 1));
        nested.put("a", untyped(random, depth - 1));
        return nested;
    }
  }
}
