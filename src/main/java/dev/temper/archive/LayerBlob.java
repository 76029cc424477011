package dev.temper.archive;

import dev.temper.oci.Digest;
import java.nio.file.Path;

/**
 * A layer blob that {@link LayerWriter} wrote, with what a manifest and config need about it.
 *
 * @param file where the blob is
 * @param diffId the SHA-256 of the uncompressed tar, which the image config lists
 * @param digest the SHA-256 of the blob as written, which the manifest lists
 * @param size the size of the blob in bytes
 * @param uncompressedSize the size of the uncompressed tar in bytes
 * @param entryCount the number of tar entries, added parent directories included
 * @param compression how the blob is compressed
 */
public record LayerBlob(
    Path file,
    Digest diffId,
    Digest digest,
    long size,
    long uncompressedSize,
    int entryCount,
    Compression compression) {}
