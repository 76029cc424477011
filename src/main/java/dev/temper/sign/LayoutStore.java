package dev.temper.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.files.TemporaryNames;
import dev.temper.oci.layout.LayoutLock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal OCI image layout: {@code oci-layout}, {@code index.json} and {@code blobs/sha256/}.
 * Tags are the {@code org.opencontainers.image.ref.name} annotations of index entries. Every change
 * of {@code index.json} happens under the layout's {@link LayoutLock}, which {@link
 * dev.temper.oci.layout.OciLayoutWriter} takes too.
 */
final class LayoutStore implements ArtifactStore {
  static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final String INDEX_MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";
  private static final long MAX_INDEX_BYTES = 16 << 20;
  private static final long MAX_MANIFEST_BYTES = 4 << 20;

  private final Path root;

  LayoutStore(Path root) {
    this.root = root;
  }

  @Override
  public Optional<byte[]> readBlob(String digest, long maxBytes)
      throws IOException, InvalidInputException {
    Path path = blobPath(digest);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    byte[] content;
    try (InputStream in = Files.newInputStream(path)) {
      content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (content.length > maxBytes) {
      throw new InvalidInputException(
          root + ": blob " + digest + " is larger than the maximum of " + maxBytes + " bytes");
    }
    String actual = Digests.of(content);
    if (!actual.equals(digest)) {
      throw IntegrityException.digestMismatch(root + ": blob " + digest, digest, actual);
    }
    return Optional.of(content);
  }

  @Override
  public String writeBlob(byte[] content) throws IOException, InvalidInputException {
    String digest = Digests.of(content);
    Path path = blobPath(digest);
    requireRealDirectories();
    if (!Files.exists(path)) {
      Files.createDirectories(path.getParent());
      writeAtomically(path, content);
    }
    return digest;
  }

  @Override
  public BlobDescriptor writeManifest(byte[] manifest, String mediaType, String tag)
      throws IOException, TemperException {
    String digest = writeBlob(manifest);
    return exclusively(
        () -> {
          ObjectNode index = readIndex();
          ArrayNode entries = index.withArray("manifests");
          for (Iterator<JsonNode> it = entries.elements(); it.hasNext(); ) {
            if (tag.equals(it.next().path("annotations").path(REF_NAME).asText(null))) {
              it.remove();
            }
          }
          ObjectNode entry = entries.addObject();
          entry.put("mediaType", mediaType);
          entry.put("digest", digest);
          entry.put("size", manifest.length);
          entry.putObject("annotations").put(REF_NAME, tag);
          writeIndex(index);
          return new BlobDescriptor(mediaType, digest, manifest.length, Map.of(REF_NAME, tag));
        });
  }

  @Override
  public BlobDescriptor writeReferrer(
      byte[] manifest, String mediaType, String artifactType, String subjectDigest)
      throws IOException, TemperException {
    Digests.hex(subjectDigest);
    String digest = writeBlob(manifest);
    BlobDescriptor written = new BlobDescriptor(mediaType, digest, manifest.length, Map.of());
    return exclusively(
        () -> {
          ObjectNode index = readIndex();
          ArrayNode entries = index.withArray("manifests");
          for (JsonNode entry : entries) {
            if (digest.equals(entry.path("digest").asText())
                && !entry.path("annotations").has(REF_NAME)) {
              return written;
            }
          }
          ObjectNode entry = entries.addObject();
          entry.put("mediaType", mediaType);
          entry.put("digest", digest);
          entry.put("size", manifest.length);
          entry.put("artifactType", artifactType);
          writeIndex(index);
          return written;
        });
  }

  /**
   * Runs {@code update} under the layout's lock. The lock is reentrant, so the index writes that
   * the update makes through this store take it again without waiting.
   */
  @Override
  public <T> T exclusively(Update<T> update) throws IOException, TemperException {
    Files.createDirectories(root);
    try (LayoutLock lock = LayoutLock.acquire(root)) {
      return update.run();
    }
  }

  @Override
  public Optional<BlobDescriptor> resolveTag(String tag) throws IOException, InvalidInputException {
    return manifests().stream().filter(d -> tag.equals(d.annotations().get(REF_NAME))).findFirst();
  }

  @Override
  public List<BlobDescriptor> referrers(String digest) throws IOException, InvalidInputException {
    Digests.hex(digest);
    List<BlobDescriptor> referrers = new ArrayList<>();
    for (BlobDescriptor candidate : manifests()) {
      Optional<byte[]> manifest = readBlob(candidate.digest(), MAX_MANIFEST_BYTES);
      if (manifest.isPresent()) {
        JsonNode tree = Json.parse(manifest.get(), root + ": manifest " + candidate.digest());
        if (digest.equals(tree.path("subject").path("digest").asText(null))) {
          referrers.add(candidate);
        }
      }
    }
    return List.copyOf(referrers);
  }

  @Override
  public List<BlobDescriptor> manifests() throws IOException, InvalidInputException {
    List<BlobDescriptor> descriptors = new ArrayList<>();
    for (JsonNode entry : readIndex().path("manifests")) {
      descriptors.add(descriptor(entry, root + "/index.json"));
    }
    return List.copyOf(descriptors);
  }

  static BlobDescriptor descriptor(JsonNode entry, String source) throws InvalidInputException {
    String digest = entry.path("digest").asText("");
    Digests.hex(digest);
    Map<String, String> annotations = new HashMap<>();
    entry
        .path("annotations")
        .fields()
        .forEachRemaining(f -> annotations.put(f.getKey(), f.getValue().asText()));
    long size = entry.path("size").asLong(-1);
    if (size < 0) {
      throw new InvalidInputException(source + ": descriptor " + digest + " has no valid size");
    }
    return new BlobDescriptor(entry.path("mediaType").asText(""), digest, size, annotations);
  }

  private ObjectNode readIndex() throws IOException, InvalidInputException {
    Path path = root.resolve("index.json");
    if (!Files.exists(path)) {
      ObjectNode index = Json.MAPPER.createObjectNode();
      index.put("schemaVersion", 2);
      index.put("mediaType", INDEX_MEDIA_TYPE);
      index.putArray("manifests");
      return index;
    }
    if (Files.size(path) > MAX_INDEX_BYTES) {
      throw new InvalidInputException(path + ": larger than " + MAX_INDEX_BYTES + " bytes");
    }
    JsonNode index = Json.parse(Files.readAllBytes(path), path.toString());
    if (!index.path("manifests").isArray() && index.has("manifests")) {
      throw new InvalidInputException(path + ": manifests is not an array");
    }
    return (ObjectNode) index;
  }

  /** Rejects symbolic links where blobs go, which would make writes land outside the layout. */
  private void requireRealDirectories() throws InvalidInputException {
    for (Path path : List.of(root.resolve("blobs"), root.resolve("blobs").resolve("sha256"))) {
      if (Files.isSymbolicLink(path)) {
        throw new InvalidInputException(
            "cannot write to the OCI layout " + root + ": " + path + " is a symbolic link");
      }
    }
  }

  private void writeIndex(ObjectNode index) throws IOException {
    writeLayoutFile();
    writeAtomically(root.resolve("index.json"), Json.bytes(index));
  }

  private void writeLayoutFile() throws IOException {
    Path layout = root.resolve("oci-layout");
    if (!Files.exists(layout)) {
      Files.createDirectories(root);
      writeAtomically(
          layout, "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private Path blobPath(String digest) throws InvalidInputException {
    return root.resolve("blobs").resolve("sha256").resolve(Digests.hex(digest));
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Path temporary = TemporaryNames.createFile(target.getParent(), ".tmp-", "");
    try {
      Files.write(temporary, content);
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
