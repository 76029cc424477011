package dev.temper.registry;

import java.nio.file.Path;

/**
 * A blob in the content cache after a pull.
 *
 * @param file the cached file, read-only and checked against the blob's digest
 * @param downloaded whether the blob came from the registry now, false when the cache had it
 */
public record PulledBlob(Path file, boolean downloaded) {}
