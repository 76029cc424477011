package dev.temper.cache;

import dev.temper.error.IntegrityException;
import dev.temper.files.ExitCleanup;
import dev.temper.files.TemporaryNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A content-addressed store of verified files, kept at {@code blobs/sha256/<hex>} under the cache
 * root. A blob appears under its name only after its size and SHA-256 were checked, through an
 * atomic rename, so readers never see a partial or unverified file. Several processes may share one
 * cache: writers of the same blob each write their own temporary file and the renames replace one
 * verified copy with an identical one. A temporary file is deleted when its write fails or the JVM
 * exits during it, and one that a killed process left is deleted once it is stale.
 */
public final class ContentCache {
  /** Age after which a temporary file is taken to be left behind by a killed process. */
  public static final Duration DEFAULT_STALE_AGE = Duration.ofDays(1);

  static final String TEMP_PREFIX = ".tmp-";
  private static final Logger LOG = LoggerFactory.getLogger(ContentCache.class);

  private final Path root;
  private final Path blobDirectory;
  private final Clock clock;
  private final Duration staleAge;
  private final AtomicBoolean staleFilesRemoved = new AtomicBoolean();

  /**
   * Creates a cache rooted at {@code root}. Its directories are created on the first write.
   *
   * @param clock the clock that decides which temporary files are stale
   * @param staleAge how old a temporary file must be before it is deleted, which must exceed the
   *     longest pause a live writer makes between two writes
   */
  public ContentCache(Path root, Clock clock, Duration staleAge) {
    this.root = root.toAbsolutePath();
    this.blobDirectory = this.root.resolve("blobs").resolve("sha256");
    this.clock = clock;
    this.staleAge = staleAge;
  }

  /** Creates a cache rooted at {@code root} that treats day-old temporary files as stale. */
  public ContentCache(Path root, Clock clock) {
    this(root, clock, DEFAULT_STALE_AGE);
  }

  /** Opens the cache at the location that this process's environment selects. */
  public static ContentCache fromEnvironment() {
    Path home = Path.of(System.getProperty("user.home"));
    return new ContentCache(rootFrom(System.getenv(), home), Clock.systemUTC());
  }

  /**
   * Returns the cache root: {@code TEMPER_CACHE_DIR} if set, else {@code $XDG_CACHE_HOME/temper},
   * else {@code ~/.cache/temper}. An empty or relative {@code XDG_CACHE_HOME} is ignored, as the
   * XDG Base Directory specification requires.
   */
  public static Path rootFrom(Map<String, String> environment, Path userHome) {
    String explicit = environment.get("TEMPER_CACHE_DIR");
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(explicit).toAbsolutePath();
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "temper");
    }
    return userHome.resolve(".cache").resolve("temper");
  }

  /** Returns the absolute cache root. */
  public Path root() {
    return root;
  }

  /**
   * Returns the blob with this digest if the cache has it.
   *
   * @throws IllegalArgumentException if {@code sha256} is not 64 lower-case hexadecimal digits
   */
  public Optional<Path> find(String sha256) {
    Path blob = blobDirectory.resolve(Sha256.requireValid(sha256));
    return Files.isRegularFile(blob, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(blob)
        : Optional.empty();
  }

  /**
   * Returns the blob with this digest if the cache has it and its bytes still hash to the digest. A
   * blob that changed on disk after it was stored is deleted, with a warning, so that the next
   * {@link #put} stores a good copy, and empty is returned.
   *
   * @throws IllegalArgumentException if {@code sha256} is not 64 lower-case hexadecimal digits
   */
  public Optional<Path> findIntact(String sha256) throws IOException {
    Optional<Path> blob = find(sha256);
    if (blob.isEmpty()) {
      return blob;
    }
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = Files.newInputStream(blob.get())) {
      byte[] buffer = new byte[64 * 1024];
      int read;
      while ((read = in.read(buffer)) >= 0) {
        digest.update(buffer, 0, read);
      }
    }
    String actual = Sha256.hex(digest.digest());
    if (actual.equals(sha256)) {
      return blob;
    }
    LOG.warn(
        "Deleting cached blob {}: its bytes hash to {}, so it changed after it was stored",
        blob.get(),
        actual);
    Files.deleteIfExists(blob.get());
    return Optional.empty();
  }

  /**
   * Stores the bytes of {@code in} under their digest after checking them, and returns the blob.
   * The bytes are hashed and counted while they are written to a temporary file in the blob
   * directory. Reading stops as soon as more than {@code expectedSize} bytes arrive. Only a file
   * that matches both values is synced and renamed into place; otherwise the temporary file is
   * deleted. If the blob already exists, it is returned without reading {@code in}.
   *
   * @param expectedSize the size in bytes, or -1 if unknown, in which case the digest alone decides
   * @param displayName the name used in error messages, such as the file name and its URL
   * @throws IntegrityException if the size or digest differs, naming the file and both values
   * @throws IOException if reading {@code in} or writing the cache fails
   * @throws IllegalArgumentException if {@code expectedSha256} is not a valid digest
   */
  public Path put(InputStream in, long expectedSize, String expectedSha256, String displayName)
      throws IOException, IntegrityException {
    Optional<Path> existing = find(expectedSha256);
    if (existing.isPresent()) {
      return existing.get();
    }
    Files.createDirectories(blobDirectory);
    removeStaleTemporaryFilesOnce();
    Path temp =
        TemporaryNames.createFile(
            blobDirectory, TEMP_PREFIX + expectedSha256.substring(0, 12) + "-", "");
    // SIGTERM or Ctrl-C during the write runs the shutdown hooks but not the catch below.
    ExitCleanup.register(temp);
    try {
      BlobWriter.write(in, temp, expectedSize, expectedSha256, displayName);
      return moveIntoPlace(temp, blobDirectory.resolve(expectedSha256));
    } catch (IOException | IntegrityException | RuntimeException e) {
      deleteAfterFailure(temp, e);
      throw e;
    } finally {
      ExitCleanup.unregister(temp);
    }
  }

  /**
   * Copies a local file into the cache after checking its digest, and returns the blob.
   *
   * @throws IntegrityException if the file's digest differs from {@code expectedSha256}
   */
  public Path putVerifiedFile(Path source, String expectedSha256, String displayName)
      throws IOException, IntegrityException {
    try (InputStream in = Files.newInputStream(source)) {
      return put(in, Files.size(source), expectedSha256, displayName);
    }
  }

  /**
   * Deletes temporary files older than the stale age, which a killed writer left behind, and
   * returns how many were deleted. {@link #put} calls this once per instance.
   */
  public int removeStaleTemporaryFiles() throws IOException {
    if (!Files.isDirectory(blobDirectory)) {
      return 0;
    }
    // Milliseconds and a prefix test in place of Instant and a glob: this runs at the start of
    // every pull, where setting up java.time and the glob's regular expression cost about 6 ms.
    long cutoff = clock.millis() - staleAge.toMillis();
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(blobDirectory)) {
      for (Path entry : entries) {
        // Another process may delete the same file first, so a missing file is not an error.
        if (entry.getFileName().toString().startsWith(TEMP_PREFIX)
            && lastModifiedMillis(entry) < cutoff
            && Files.deleteIfExists(entry)) {
          removed++;
        }
      }
    }
    if (removed > 0) {
      LOG.info("Removed {} stale temporary files from {}", removed, blobDirectory);
    }
    return removed;
  }

  private static long lastModifiedMillis(Path file) throws IOException {
    try {
      return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
    } catch (NoSuchFileException e) {
      return Long.MAX_VALUE;
    }
  }

  private void removeStaleTemporaryFilesOnce() throws IOException {
    if (staleFilesRemoved.compareAndSet(false, true)) {
      removeStaleTemporaryFiles();
    }
  }

  private static Path moveIntoPlace(Path temp, Path blob) throws IOException {
    try {
      // On POSIX systems rename(2) replaces an existing blob atomically, which is safe because
      // the copy that another writer put there has the same verified content.
      Files.move(temp, blob, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AccessDeniedException e) {
      // Platforms that do not replace on rename report the other writer's blob this way.
      if (!Files.isRegularFile(blob, LinkOption.NOFOLLOW_LINKS)) {
        throw e;
      }
      Files.deleteIfExists(temp);
    }
    BlobWriter.syncDirectory(blob.getParent());
    return blob;
  }

  private static void deleteAfterFailure(Path temp, Exception failure) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
