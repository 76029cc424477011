package dev.temper.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.archive.Compression;
import dev.temper.archive.EntryType;
import dev.temper.archive.FileEntry;
import dev.temper.archive.LayerBlob;
import dev.temper.archive.LayerOptions;
import dev.temper.cache.ContentCache;
import dev.temper.error.IntegrityException;
import dev.temper.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reuses layer blobs across builds. A layer's key is the SHA-256 of its entries (path, type, mode,
 * owner, link target and content SHA-256, sorted by path) and of the layer options, so a rebuild
 * with the same contents skips compression. Blobs live in the content cache under their digest;
 * {@code layers/<key>.json} beside the blobs maps a key to a blob. The OCI layout writer checks
 * each blob's digest again while it copies it.
 */
final class LayerCache {
  // Bump when LayerWriter's output for the same entries and options changes.
  private static final String FORMAT = "temper-layer-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ContentCache cache;
  private final Path index;

  LayerCache(ContentCache cache) {
    this.cache = cache;
    this.index = cache.root().resolve("layers");
  }

  /** Returns the key of a layer: the same entries and options always give the same key. */
  static String key(List<FileEntry> entries, LayerOptions options) throws IOException {
    MessageDigest key = Digest.sha256Hasher();
    update(
        key, FORMAT + " " + options.compression() + " " + options.level() + " " + options.mtime());
    List<FileEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(FileEntry::path));
    for (FileEntry entry : sorted) {
      update(
          key,
          entry.path()
              + "\0"
              + entry.type()
              + "\0"
              + entry.mode()
              + "\0"
              + entry.uid()
              + "\0"
              + entry.gid()
              + "\0"
              + entry.linkTarget()
              + "\0");
      if (entry.type() == EntryType.FILE) {
        update(key, entry.content().size() + "\0" + contentDigest(entry) + "\n");
      }
    }
    return HexFormat.of().formatHex(key.digest());
  }

  /** Returns the cached blob for a key, if the index and the blob are both there. */
  Optional<LayerBlob> find(String key) {
    Path entry = index.resolve(key + ".json");
    if (!Files.isRegularFile(entry)) {
      return Optional.empty();
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = JSON.readValue(entry.toFile(), Map.class);
      Digest digest = Digest.parse((String) fields.get("digest"));
      Optional<Path> blob = cache.find(digest.hex());
      if (blob.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new LayerBlob(
              blob.get(),
              Digest.parse((String) fields.get("diffId")),
              digest,
              ((Number) fields.get("size")).longValue(),
              ((Number) fields.get("uncompressedSize")).longValue(),
              ((Number) fields.get("entryCount")).intValue(),
              Compression.valueOf((String) fields.get("compression"))));
    } catch (IOException | RuntimeException e) {
      // An unreadable entry counts as a miss: the layer is written again and the entry replaced.
      return Optional.empty();
    }
  }

  /** Stores a written blob under its key and returns the cached copy. */
  LayerBlob store(String key, LayerBlob blob) throws IOException, IntegrityException {
    Path cached = cache.putVerifiedFile(blob.file(), blob.digest().hex(), "layer " + key);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("digest", blob.digest().toString());
    fields.put("diffId", blob.diffId().toString());
    fields.put("size", blob.size());
    fields.put("uncompressedSize", blob.uncompressedSize());
    fields.put("entryCount", blob.entryCount());
    fields.put("compression", blob.compression().name());
    Files.createDirectories(index);
    Path temp = Files.createTempFile(index, ".tmp-", ".json");
    try {
      Files.write(temp, JSON.writeValueAsBytes(fields));
      Files.move(
          temp,
          index.resolve(key + ".json"),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return new LayerBlob(
        cached,
        blob.diffId(),
        blob.digest(),
        blob.size(),
        blob.uncompressedSize(),
        blob.entryCount(),
        blob.compression());
  }

  private static String contentDigest(FileEntry entry) throws IOException {
    MessageDigest digest = Digest.sha256Hasher();
    try (InputStream in = entry.content().open()) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }
}
