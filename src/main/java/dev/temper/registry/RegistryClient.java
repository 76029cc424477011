package dev.temper.registry;

import dev.temper.cache.ContentCache;
import dev.temper.cache.DownloadListener;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A client of one repository on a registry, speaking the OCI distribution spec 1.1 and Docker's
 * registry API v2. Each operation is its own class; this one only checks references and delegates.
 * Instances are thread-safe.
 */
public final class RegistryClient {
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  /** The way a pushed blob reached the repository. */
  public enum PushOutcome {
    /** The repository already had the blob. */
    EXISTED,
    /** The blob was mounted from another repository of the same registry. */
    MOUNTED,
    /** The blob was uploaded. */
    UPLOADED
  }

  private final RegistryTransport transport;
  private final Repository repository;
  private final DownloadListener listener;

  RegistryClient(RegistryTransport transport, Repository repository, DownloadListener listener) {
    this.transport = transport;
    this.repository = repository;
    this.listener = listener;
  }

  /** Returns the repository this client works on. */
  public Repository repository() {
    return repository;
  }

  /**
   * Pulls the manifest or index that a tag or digest names, verified against its digest.
   *
   * @throws IllegalArgumentException when {@code reference} is neither a tag nor a digest
   * @throws RegistryException when it is missing, too large or fails a check
   */
  public PulledManifest pullManifest(String reference) throws RegistryException, IOException {
    return new ManifestPuller(transport, repository).pull(checkReference(reference));
  }

  /**
   * Returns the digest of the manifest that a tag names, computed from its bytes.
   *
   * @throws RegistryException when the manifest is missing or fails a check
   */
  public Digest resolve(String reference) throws RegistryException, IOException {
    return pullManifest(reference).digest();
  }

  /**
   * Pushes a manifest or index under a tag, or under its own digest, and returns its digest.
   *
   * @throws RegistryException when the registry rejects it
   */
  public Digest pushManifest(byte[] bytes, String mediaType, String reference)
      throws RegistryException, IOException {
    return new ManifestPusher(transport, repository)
        .push(bytes, mediaType, checkReference(reference));
  }

  /** Returns whether the repository has the blob. */
  public boolean hasBlob(Digest digest) throws RegistryException, IOException {
    return new BlobChecker(transport, repository)
        .size(digest, Scope.pull(repository.name()))
        .isPresent();
  }

  /**
   * Returns the size of a blob as the registry announces it ({@code HEAD}), or empty when the
   * repository does not have it. The size is only a claim until the blob is pulled and checked.
   *
   * @throws RegistryException when the registry fails or rejects the request
   */
  public OptionalLong blobSize(Digest digest) throws RegistryException, IOException {
    return new BlobChecker(transport, repository).size(digest, Scope.pull(repository.name()));
  }

  /**
   * Returns the blob from the cache, pulling and verifying it first when the cache lacks it.
   *
   * @throws RegistryException when the blob is missing, keeps failing, or fails its check
   */
  public Path pullBlob(Descriptor blob, ContentCache cache) throws RegistryException, IOException {
    return new BlobPuller(transport, repository, listener).pull(blob, cache, false).file();
  }

  /**
   * Returns the blob like {@link #pullBlob}, but hashes a cached copy again first and pulls the
   * blob anew when the copy no longer matches, for callers that take the file without reading it.
   *
   * @throws RegistryException when the blob is missing, keeps failing, or fails its check
   */
  public PulledBlob pullIntactBlob(Descriptor blob, ContentCache cache)
      throws RegistryException, IOException {
    return new BlobPuller(transport, repository, listener).pull(blob, cache, true);
  }

  /**
   * Makes sure the repository has a blob: skips it when present, mounts it from {@code mountFrom}
   * when that repository is on the same registry, and uploads it otherwise.
   *
   * @throws RegistryException when the registry rejects the upload
   */
  public PushOutcome pushBlob(Descriptor blob, BlobSource source, Optional<Repository> mountFrom)
      throws RegistryException, IOException {
    return new BlobPusher(transport, repository).push(blob, source, mountFrom);
  }

  /**
   * Uploads a blob that {@link #hasBlob} just reported missing, without asking the registry again.
   *
   * @throws RegistryException when the registry rejects the upload or the digest
   */
  public PushOutcome uploadBlob(Descriptor blob, BlobSource source)
      throws RegistryException, IOException {
    return new BlobPusher(transport, repository).pushMissing(blob, source, Optional.empty());
  }

  /**
   * Mounts a blob that the repository was just found to lack, with {@code POST ?mount=&from=} from
   * another repository of the same registry, and returns whether the repository has it now. Returns
   * false without a request for another registry.
   */
  public boolean mountBlob(Digest digest, Repository from) throws RegistryException, IOException {
    return new BlobPusher(transport, repository).mountOnly(digest, from);
  }

  /** Returns every tag of the repository, following pagination. */
  public List<String> listTags() throws RegistryException, IOException {
    return new TagLister(transport, repository).list();
  }

  /** Returns the descriptors of the artifacts whose subject is {@code subject}. */
  public List<Descriptor> listReferrers(Digest subject) throws RegistryException, IOException {
    return new ReferrersLister(transport, repository).list(subject);
  }

  private static String checkReference(String reference) {
    if (TAG.matcher(reference).matches()) {
      return reference;
    }
    return Digest.parse(reference).toString();
  }
}
