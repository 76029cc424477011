package dev.temper.sbom;

/**
 * The image an inventory describes.
 *
 * @param name the image as the user named it, such as {@code oci:build/app:latest}
 * @param manifestDigest the digest of the image manifest, or null for a root file system directory
 * @param created the image config's {@code created} time in RFC 3339, or null
 * @param platform the platform, such as {@code linux/amd64}, or null
 */
public record ImageSubject(String name, String manifestDigest, String created, String platform) {}
