package dev.temper.registry;

import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.Platform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small image built in memory for tests: gzip tar layers, a config and a manifest, or an index
 * over several such images. Every blob is kept by digest, so tests can push it or write an OCI
 * layout for skopeo.
 *
 * @param root the bytes of the manifest or index
 * @param mediaType the root's media type
 * @param blobs every blob and child manifest by digest, in push order (layers, configs, manifests)
 */
record TestImage(
    byte[] root,
    String mediaType,
    Map<Digest, byte[]> blobs,
    List<Descriptor> layers,
    Descriptor config,
    List<TestImage> children) {

  Digest digest() {
    return Digest.sha256(root);
  }

  Descriptor descriptor() {
    return Descriptor.of(mediaType, digest(), root.length);
  }

  /** Builds a single-platform image with one layer per file content. */
  static TestImage single(Platform platform, String... files) throws IOException {
    Map<Digest, byte[]> blobs = new LinkedHashMap<>();
    List<Descriptor> layers = new ArrayList<>();
    List<Digest> diffIds = new ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      byte[] tar = tar("file" + i + ".txt", files[i].getBytes(StandardCharsets.UTF_8));
      byte[] layer = gzip(tar);
      Digest digest = Digest.sha256(layer);
      blobs.put(digest, layer);
      layers.add(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, digest, layer.length));
      diffIds.add(Digest.sha256(tar));
    }
    return withLayers(platform, blobs, layers, diffIds);
  }

  /** Builds an image whose one layer is {@code layer}, taken as an opaque blob. */
  static TestImage ofLayer(Platform platform, byte[] layer) {
    Map<Digest, byte[]> blobs = new LinkedHashMap<>();
    Digest digest = Digest.sha256(layer);
    blobs.put(digest, layer);
    List<Descriptor> layers =
        List.of(Descriptor.of(MediaTypes.OCI_LAYER_GZIP, digest, layer.length));
    return withLayers(platform, blobs, layers, List.of(digest));
  }

  private static TestImage withLayers(
      Platform platform, Map<Digest, byte[]> blobs, List<Descriptor> layers, List<Digest> diffIds) {
    ImageConfig config =
        new ImageConfig(
            "2024-01-01T00:00:00Z",
            null,
            platform.architecture(),
            platform.os(),
            platform.variant(),
            new ImageConfig.RunConfig(
                "65532",
                null,
                List.of("PATH=/bin"),
                List.of("/bin/app"),
                null,
                null,
                null,
                null,
                null),
            new ImageConfig.RootFs("layers", diffIds),
            List.of());
    byte[] configBytes = OciJson.write(config);
    Descriptor configDescriptor =
        Descriptor.of(MediaTypes.OCI_CONFIG, Digest.sha256(configBytes), configBytes.length);
    blobs.put(configDescriptor.digest(), configBytes);
    byte[] manifest = OciJson.write(ImageManifest.oci(configDescriptor, layers, Map.of()));
    return new TestImage(
        manifest, MediaTypes.OCI_MANIFEST, blobs, layers, configDescriptor, List.of());
  }

  /** Builds an index over {@code images}, whose platforms come from their configs. */
  static TestImage index(List<TestImage> images, List<Platform> platforms) {
    Map<Digest, byte[]> blobs = new LinkedHashMap<>();
    List<Descriptor> manifests = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      TestImage image = images.get(i);
      blobs.putAll(image.blobs());
      manifests.add(image.descriptor().withPlatform(platforms.get(i)));
    }
    byte[] index = OciJson.write(ImageIndex.oci(manifests, Map.of()));
    return new TestImage(index, MediaTypes.OCI_INDEX, blobs, List.of(), null, List.copyOf(images));
  }

  /** Pushes every blob, child manifest and the root under {@code tag}. */
  void push(RegistryClient client, String tag) throws Exception {
    for (Map.Entry<Digest, byte[]> blob : blobs.entrySet()) {
      client.pushBlob(
          Descriptor.of("application/octet-stream", blob.getKey(), blob.getValue().length),
          BlobSource.ofBytes(blob.getValue()),
          java.util.Optional.empty());
    }
    for (TestImage child : children) {
      client.pushManifest(child.root(), child.mediaType(), child.digest().toString());
    }
    client.pushManifest(root, mediaType, tag);
  }

  /** Writes an OCI image layout with the root tagged {@code tag}. */
  void writeLayout(Path directory, String tag) throws IOException {
    Path blobDirectory = Files.createDirectories(directory.resolve("blobs").resolve("sha256"));
    for (Map.Entry<Digest, byte[]> blob : blobs.entrySet()) {
      Files.write(blobDirectory.resolve(blob.getKey().hex()), blob.getValue());
    }
    for (TestImage child : children) {
      Files.write(blobDirectory.resolve(child.digest().hex()), child.root());
    }
    Files.write(blobDirectory.resolve(digest().hex()), root);
    Files.writeString(directory.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Descriptor entry =
        descriptor().withAnnotations(Map.of("org.opencontainers.image.ref.name", tag));
    Files.write(
        directory.resolve("index.json"), OciJson.write(ImageIndex.oci(List.of(entry), Map.of())));
  }

  static byte[] tar(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(content.length);
      entry.setModTime(0);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    }
    return bytes.toByteArray();
  }
}
