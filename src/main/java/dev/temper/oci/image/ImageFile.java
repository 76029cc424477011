package dev.temper.oci.image;

import dev.temper.archive.EntryType;
import dev.temper.oci.Digest;

/**
 * One entry of an image's final file view: what is left after every layer and whiteout is applied.
 *
 * @param path the path relative to the root in normal form, such as {@code usr/bin/java}
 * @param type the kind of entry
 * @param mode the permission bits including setuid, setgid and sticky
 * @param uid the owner's user id
 * @param gid the owner's group id
 * @param linkTarget the link target of a symlink or hard link, else null
 * @param size the size of a regular file in bytes, else 0
 * @param layerIndex the index of the layer that put the entry there, 0 for the bottom layer
 * @param layerDigest the digest of that layer's blob as the manifest lists it; for {@code dir:}
 *     images, which have no layers, null
 */
public record ImageFile(
    String path,
    EntryType type,
    int mode,
    int uid,
    int gid,
    String linkTarget,
    long size,
    int layerIndex,
    Digest layerDigest) {}
