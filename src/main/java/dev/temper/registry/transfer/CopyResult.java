package dev.temper.registry.transfer;

import dev.temper.oci.Descriptor;

/**
 * The counts of a finished copy.
 *
 * @param root the descriptor of the copied root, whose digest equals the source's
 * @param destination the name of the copy, such as {@code 127.0.0.1:5000/app:1}
 * @param copied the number of blobs copied, {@code fromCache} of them included
 * @param fromCache the number of copied blobs whose bytes came from the local content cache, so
 *     that nothing was downloaded for them
 * @param existed the number of blobs the target already had
 * @param mounted the number of blobs mounted from another repository
 * @param bytesCopied the bytes of the copied blobs
 */
public record CopyResult(
    Descriptor root,
    String destination,
    int copied,
    int fromCache,
    int existed,
    int mounted,
    long bytesCopied) {}
