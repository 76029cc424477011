package dev.temper.oci.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.error.ParseErrors;
import dev.temper.json.JsonValue;
import dev.temper.oci.Annotations;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.OciJson;
import dev.temper.oci.blob.BlobIntegrityIOException;
import dev.temper.oci.blob.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an OCI image layout directory: {@code oci-layout}, {@code index.json} and the blobs under
 * {@code blobs/ALGORITHM/HEX}. Every blob is checked against its descriptor while it is read, and
 * documents (manifests, indexes, configs) larger than {@link OciJson#MAX_DOCUMENT_BYTES} are
 * rejected before they are read.
 */
public final class OciLayout {
  /** The file that marks a directory as an image layout. */
  public static final String LAYOUT_FILE = "oci-layout";

  /** The file that lists the layout's entry points. */
  public static final String INDEX_FILE = "index.json";

  /** The only {@code imageLayoutVersion} of the OCI image spec up to 1.1. */
  public static final String LAYOUT_VERSION = "1.0.0";

  private final Path root;
  private final ImageIndex index;

  private OciLayout(Path root, ImageIndex index) {
    this.root = root;
    this.index = index;
  }

  /**
   * Opens a layout and reads its {@code index.json}.
   *
   * @throws NotFoundException when the directory or its {@code index.json} does not exist
   * @throws InvalidInputException when it is not a layout of version 1.0.0 or its index is invalid
   */
  public static OciLayout open(Path root) throws IOException, InvalidInputException {
    if (!Files.isDirectory(root)) {
      throw new NotFoundException("OCI layout " + root + " not found: no such directory");
    }
    checkLayoutFile(root);
    Path indexFile = root.resolve(INDEX_FILE);
    byte[] json = readBounded(indexFile, root + "/" + INDEX_FILE);
    ImageIndex index = OciJson.read(json, ImageIndex.class, root + "/" + INDEX_FILE);
    return new OciLayout(root, index);
  }

  /** Returns whether the directory has an {@code oci-layout} file. */
  public static boolean isLayout(Path directory) {
    return Files.isRegularFile(directory.resolve(LAYOUT_FILE));
  }

  static void checkLayoutFile(Path root) throws IOException, InvalidInputException {
    Path file = root.resolve(LAYOUT_FILE);
    byte[] json = readBounded(file, root + "/" + LAYOUT_FILE);
    JsonValue version;
    try {
      version = JsonValue.parse(json).path("imageLayoutVersion");
    } catch (JsonProcessingException e) {
      throw ParseErrors.invalid(root + "/" + LAYOUT_FILE, "layout file", e);
    }
    if (!version.isString() || !LAYOUT_VERSION.equals(version.asText(""))) {
      throw new InvalidInputException(
          root
              + "/"
              + LAYOUT_FILE
              + ": unsupported imageLayoutVersion "
              + version
              + ", expected \""
              + LAYOUT_VERSION
              + "\"");
    }
  }

  /** Returns the layout directory. */
  public Path root() {
    return root;
  }

  /** Returns the parsed {@code index.json}. */
  public ImageIndex index() {
    return index;
  }

  /** Returns the tags, the {@code org.opencontainers.image.ref.name} values, in index order. */
  public List<String> tags() {
    List<String> tags = new ArrayList<>();
    for (Descriptor entry : index.manifests()) {
      String tag = entry.annotations().get(Annotations.REF_NAME);
      if (tag != null) {
        tags.add(tag);
      }
    }
    return List.copyOf(tags);
  }

  /** Returns the entry of {@code index.json} with the given tag, if there is exactly one. */
  public Optional<Descriptor> findTag(String tag) throws InvalidInputException {
    List<Descriptor> found = new ArrayList<>();
    for (Descriptor entry : index.manifests()) {
      if (tag.equals(entry.annotations().get(Annotations.REF_NAME))) {
        found.add(entry);
      }
    }
    if (found.size() > 1) {
      throw new InvalidInputException(
          "oci:" + root + ": index.json has " + found.size() + " entries tagged '" + tag + "'");
    }
    return found.stream().findFirst();
  }

  /**
   * Returns the entry a reference names: the tagged one, or without a tag the only image entry, or
   * else the one tagged {@code latest}. Without a tag, entries that are artifacts about an image
   * (an artifact type, a cosign {@code sha256-<hex>.sig}, {@code .att} or {@code .sbom} tag, or no
   * tag and a manifest with a {@code subject}) are not images to choose from.
   *
   * @param tag the tag, or null for the default entry
   * @throws NotFoundException when no entry has the tag, or without a tag when there is no image
   * @throws InvalidInputException when no tag is given and the choice is ambiguous
   */
  public Descriptor resolve(String tag) throws IOException, InvalidInputException {
    if (tag != null) {
      return findTag(tag)
          .orElseThrow(
              () ->
                  new NotFoundException(
                      "oci:" + root + ": no image tagged '" + tag + "'; tags: " + tagList()));
    }
    return DefaultImage.choose(this);
  }

  /** Returns the entry at a zero-based position of {@code index.json}. */
  public Descriptor entryAt(int position) throws NotFoundException {
    if (position >= index.manifests().size()) {
      throw new NotFoundException(
          "oci:"
              + root
              + ": no image at index "
              + position
              + ", the layout has "
              + index.manifests().size());
    }
    return index.manifests().get(position);
  }

  private String tagList() {
    List<String> tags = tags();
    return tags.isEmpty() ? "(none)" : String.join(", ", tags);
  }

  /** Returns the path where the blob with the digest is stored, whether or not it exists. */
  public Path blobPath(Digest digest) {
    return blobPath(root, digest);
  }

  static Path blobPath(Path root, Digest digest) {
    // Digest accepts only sha256 and sha512 with hex digits, so this cannot leave blobs/.
    return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }

  /** Returns whether the blob is present as a regular file. */
  public boolean hasBlob(Digest digest) {
    return Files.isRegularFile(blobPath(digest), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Opens a blob as a stream that checks its size and digest against the descriptor while it is
   * read; a mismatch fails with a {@link BlobIntegrityIOException} at the end of the stream.
   *
   * @throws NotFoundException when the blob is missing
   */
  public InputStream openBlob(Descriptor descriptor) throws IOException, InvalidInputException {
    Path path = blobPath(descriptor.digest());
    if (Files.isSymbolicLink(path)) {
      throw new InvalidInputException(
          "oci:" + root + ": blob " + descriptor.digest() + " is a symbolic link");
    }
    try {
      InputStream in = Files.newInputStream(path);
      return new VerifyingInputStream(
          in, descriptor, "oci:" + root + " blob " + descriptor.digest());
    } catch (NoSuchFileException e) {
      throw new NotFoundException(
          "oci:"
              + root
              + ": blob "
              + descriptor.digest()
              + " ("
              + descriptor.mediaType()
              + ") not found at "
              + path,
          e);
    }
  }

  /**
   * Reads a manifest, index or config blob after checking that its descriptor's size is within
   * {@link OciJson#MAX_DOCUMENT_BYTES}, and verifies its digest.
   */
  public byte[] readDocument(Descriptor descriptor)
      throws IOException, InvalidInputException, IntegrityException {
    if (descriptor.size() > OciJson.MAX_DOCUMENT_BYTES) {
      throw new InvalidInputException(
          "oci:"
              + root
              + ": "
              + descriptor.mediaType()
              + " "
              + descriptor.digest()
              + " has "
              + descriptor.size()
              + " bytes, more than the limit of "
              + OciJson.MAX_DOCUMENT_BYTES);
    }
    try (InputStream in = openBlob(descriptor)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw BlobIntegrityIOException.rethrowIntegrity(e);
    }
  }

  /**
   * Lists the manifests in this layout whose {@code subject} is the given digest, as descriptors
   * with the artifact type and annotations of each, like the registry referrers API returns.
   * Layouts have no referrers index, so this reads every manifest that {@code index.json} lists,
   * directly or through nested indexes.
   */
  public List<Descriptor> referrers(Digest subject) throws IOException, InvalidInputException {
    return LayoutReferrers.find(this, subject);
  }

  private static byte[] readBounded(Path file, String fileName)
      throws IOException, InvalidInputException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(OciJson.MAX_DOCUMENT_BYTES + 1);
      if (bytes.length > OciJson.MAX_DOCUMENT_BYTES) {
        throw new InvalidInputException(
            fileName + ": larger than the limit of " + OciJson.MAX_DOCUMENT_BYTES + " bytes");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new NotFoundException(
          fileName + " not found: the directory is not an OCI image layout", e);
    }
  }
}
