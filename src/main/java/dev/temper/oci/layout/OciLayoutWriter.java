package dev.temper.oci.layout;

import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.files.ExitCleanup;
import dev.temper.files.FileTrees;
import dev.temper.files.TemporaryNames;
import dev.temper.oci.Annotations;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.blob.AtomicFiles;
import dev.temper.oci.blob.BlobIntegrityIOException;
import dev.temper.oci.blob.VerifyingInputStream;
import dev.temper.oci.reference.ImageReferences;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes images into an OCI image layout. When the target does not exist yet (or is an empty
 * directory), everything goes into a hidden sibling directory that {@link #commit()} renames into
 * place, so a failure leaves no partial output. When the target is already a layout, blobs are
 * added to it directly (each one through a temporary file and a rename, so a blob file is always
 * complete) and {@code index.json} is merged and replaced under a file lock at commit, keeping the
 * other tags.
 *
 * <p>Use it in try-with-resources: closing without a commit removes the staging directory.
 */
public final class OciLayoutWriter implements Closeable {
  private final Path target;
  private final Path root;
  private final boolean staged;
  private final List<Descriptor> entries = new ArrayList<>();
  private boolean finished;

  private OciLayoutWriter(Path target, Path root, boolean staged) {
    this.target = target;
    this.root = root;
    this.staged = staged;
  }

  /**
   * Starts writing to a layout at {@code target}: a new one, or an existing one to add to.
   *
   * @throws InvalidInputException when the target exists but is neither a layout nor empty
   */
  public static OciLayoutWriter open(Path target) throws IOException, InvalidInputException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute) && OciLayout.isLayout(absolute)) {
      OciLayout.checkLayoutFile(absolute);
      requireRealDirectories(absolute);
      Files.createDirectories(absolute.resolve("blobs").resolve("sha256"));
      return new OciLayoutWriter(absolute, absolute, false);
    }
    if (Files.exists(absolute) && !isEmptyDirectory(absolute)) {
      throw new InvalidInputException(
          "cannot write an OCI layout to "
              + target
              + ": it exists and is not an OCI layout (no oci-layout file)");
    }
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path staging = TemporaryNames.createDirectory(parent, "." + absolute.getFileName() + ".tmp-");
    ExitCleanup.register(staging);
    Files.createDirectories(staging.resolve("blobs").resolve("sha256"));
    return new OciLayoutWriter(absolute, staging, true);
  }

  /**
   * Rejects symbolic links where blobs go, which would make the writer write outside the layout.
   */
  private static void requireRealDirectories(Path root) throws InvalidInputException {
    for (Path path : List.of(root.resolve("blobs"), root.resolve("blobs").resolve("sha256"))) {
      if (Files.isSymbolicLink(path)) {
        throw new InvalidInputException(
            "cannot add to the OCI layout " + root + ": " + path + " is a symbolic link");
      }
    }
  }

  private static boolean isEmptyDirectory(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (var children = Files.list(path)) {
      return children.findAny().isEmpty();
    }
  }

  /** Returns the final path of the layout. */
  public Path target() {
    return target;
  }

  /**
   * Writes a blob from a stream, computing its SHA-256 and size in the same pass.
   *
   * @return the descriptor of the written blob
   */
  public Descriptor writeBlob(String mediaType, InputStream content) throws IOException {
    AtomicFiles.HashedFile file =
        AtomicFiles.copyHashing(content, root.resolve("blobs"), Long.MAX_VALUE);
    moveIntoPlace(file.path(), OciLayout.blobPath(root, file.digest()));
    return Descriptor.of(mediaType, file.digest(), file.size());
  }

  /**
   * Writes a blob whose descriptor is known, checking the bytes against it. A blob that is already
   * present and whose bytes match is kept, and the stream is not read.
   *
   * @throws IntegrityException when the stream's size or digest differs from the descriptor
   */
  public Descriptor writeBlob(Descriptor expected, InputStream content)
      throws IOException, IntegrityException {
    Path path = OciLayout.blobPath(root, expected.digest());
    if (isPresentAndValid(path, expected)) {
      return expected;
    }
    Files.createDirectories(path.getParent());
    String blobName = "blob " + expected.digest() + " for " + target;
    try (InputStream verified = new VerifyingInputStream(content, expected, blobName)) {
      moveIntoPlace(AtomicFiles.copyToTemporary(verified, root.resolve("blobs")), path);
    } catch (IOException e) {
      throw BlobIntegrityIOException.rethrowIntegrity(e);
    }
    return expected;
  }

  /**
   * Adds a blob from a file whose bytes were already checked against {@code expected}, such as an
   * entry of the content cache, without reading it again: as a hard link when the file is on the
   * same file system, as a copy otherwise. Both files then share their bytes, so the file must
   * never be changed in place. The content cache stores its blobs read-only.
   *
   * @throws IntegrityException when the file's size differs from the descriptor
   */
  public Descriptor addVerifiedBlob(Descriptor expected, Path verified)
      throws IOException, IntegrityException {
    long size = Files.size(verified);
    if (size != expected.size()) {
      throw IntegrityException.sizeMismatch(
          "blob " + expected.digest() + " at " + verified, expected.size(), size);
    }
    Path path = OciLayout.blobPath(root, expected.digest());
    if (Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && Files.size(path) == size
        && (Files.isSameFile(path, verified) || isPresentAndValid(path, expected))) {
      return expected;
    }
    Files.createDirectories(path.getParent());
    moveIntoPlace(AtomicFiles.linkOrCopyToTemporary(verified, root.resolve("blobs")), path);
    return expected;
  }

  /**
   * Returns whether the layout already has a blob whose size and digest match {@code expected}. A
   * new layout starts with none; an existing one has its blob hashed again.
   */
  public boolean hasIntactBlob(Descriptor expected) throws IOException {
    return isPresentAndValid(OciLayout.blobPath(root, expected.digest()), expected);
  }

  /** Renames a temporary blob file to its place, and deletes it when the rename fails. */
  private static void moveIntoPlace(Path temporary, Path path) throws IOException {
    try {
      AtomicFiles.moveAtomically(temporary, path);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static boolean isPresentAndValid(Path path, Descriptor expected) throws IOException {
    if (!Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        || Files.size(path) != expected.size()) {
      return false;
    }
    try (InputStream in = new VerifyingInputStream(Files.newInputStream(path), expected, "")) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return true;
    } catch (BlobIntegrityIOException e) {
      return false;
    }
  }

  /** Writes a blob held in memory. */
  public Descriptor writeBlob(String mediaType, byte[] content) throws IOException {
    return writeBlob(mediaType, new ByteArrayInputStream(content));
  }

  /** Writes an image manifest in canonical JSON. */
  public Descriptor writeManifest(ImageManifest manifest) throws IOException {
    Descriptor written = writeBlob(manifest.mediaType(), OciJson.write(manifest));
    return manifest.artifactType() == null
        ? written
        : written.withArtifactType(manifest.artifactType());
  }

  /** Writes an image index in canonical JSON. */
  public Descriptor writeIndex(ImageIndex index) throws IOException {
    String mediaType = index.mediaType() == null ? MediaTypes.OCI_INDEX : index.mediaType();
    return writeBlob(mediaType, OciJson.write(index));
  }

  /** Writes an image config in canonical JSON, with the OCI config media type. */
  public Descriptor writeConfig(ImageConfig config) throws IOException {
    return writeBlob(MediaTypes.OCI_CONFIG, OciJson.write(config));
  }

  /**
   * Lists a manifest or index in {@code index.json} under a tag, replacing at commit any entry with
   * the same tag.
   *
   * @throws InvalidInputException when the tag does not fit skopeo's grammar for layout names
   */
  public void tag(Descriptor manifest, String tag) throws InvalidInputException {
    if (!ImageReferences.isValidLayoutTag(tag)) {
      throw new InvalidInputException(
          "invalid tag '" + tag + "' for " + target + ": use letters, digits and - . _ : @ + /");
    }
    Map<String, String> annotations = new TreeMap<>(manifest.annotations());
    annotations.put(Annotations.REF_NAME, tag);
    entries.removeIf(entry -> tag.equals(entry.annotations().get(Annotations.REF_NAME)));
    entries.add(manifest.withAnnotations(annotations));
  }

  /** Lists a manifest or index in {@code index.json} without a tag. */
  public void addUntagged(Descriptor manifest) {
    entries.add(manifest);
  }

  /**
   * Stores an artifact manifest that refers to another manifest through its {@code subject}, such
   * as a signature or an SBOM, and lists it in {@code index.json} without a tag so that {@link
   * OciLayout#referrers} finds it and garbage collectors keep it.
   *
   * @return the descriptor of the stored manifest, with its artifact type
   */
  public Descriptor addReferrer(ImageManifest artifact) throws IOException, InvalidInputException {
    if (artifact.subject() == null) {
      throw new InvalidInputException("a referrer manifest needs a subject");
    }
    Descriptor written = writeManifest(artifact);
    String artifactType =
        artifact.artifactType() != null ? artifact.artifactType() : artifact.config().mediaType();
    Descriptor entry =
        written.withArtifactType(artifactType).withAnnotations(artifact.annotations());
    addUntagged(entry);
    return entry;
  }

  /**
   * Writes {@code index.json} and makes the layout visible at its target: a new layout is renamed
   * into place, an existing one gets its merged index replaced atomically.
   */
  public void commit() throws IOException, InvalidInputException {
    if (finished) {
      throw new IllegalStateException("this layout writer is already committed or closed");
    }
    if (staged) {
      commitStaged();
      ExitCleanup.unregister(root);
    } else {
      mergeIndex(target);
    }
    finished = true;
  }

  private void commitStaged() throws IOException, InvalidInputException {
    AtomicFiles.write(root.resolve(OciLayout.LAYOUT_FILE), layoutFileBytes());
    AtomicFiles.write(
        root.resolve(OciLayout.INDEX_FILE), OciJson.write(IndexMerge.merge(null, entries)));
    try {
      AtomicFiles.moveAtomically(root, target);
      return;
    } catch (java.nio.file.FileAlreadyExistsException
        | java.nio.file.DirectoryNotEmptyException e) {
      if (!OciLayout.isLayout(target)) {
        throw new InvalidInputException(
            "cannot write an OCI layout to " + target + ": another process created it meanwhile",
            e);
      }
    }
    // Another writer created the layout since open: add the blobs and entries to it.
    OciLayout.checkLayoutFile(target);
    StagingMerge.moveBlobs(root, target);
    mergeIndex(target);
    FileTrees.deleteTree(root);
  }

  private void mergeIndex(Path layoutRoot) throws IOException, InvalidInputException {
    try (LayoutLock lock = LayoutLock.acquire(layoutRoot)) {
      ImageIndex current = OciLayout.open(layoutRoot).index();
      ImageIndex merged = IndexMerge.merge(current, entries);
      AtomicFiles.write(layoutRoot.resolve(OciLayout.INDEX_FILE), OciJson.write(merged));
    }
  }

  static byte[] layoutFileBytes() {
    return ("{\"imageLayoutVersion\":\"" + OciLayout.LAYOUT_VERSION + "\"}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Removes the staging directory of an uncommitted new layout; an existing layout keeps its blobs.
   */
  @Override
  public void close() throws IOException {
    if (finished) {
      return;
    }
    finished = true;
    if (staged) {
      FileTrees.deleteTree(root);
      ExitCleanup.unregister(root);
    }
  }
}
