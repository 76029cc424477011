package dev.temper.debian;

import java.net.URI;

/**
 * The Packages index a binary package was read from.
 *
 * @param repository base URI of the archive, ending in '/'
 * @param suite the suite as requested, such as {@code bookworm-security}
 * @param component the archive component, such as {@code main}
 * @param architecture the index architecture, such as {@code amd64}
 * @param inReleaseSha256 SHA-256 of the verified InRelease that vouched for the index
 */
public record PackageOrigin(
    URI repository, String suite, String component, String architecture, String inReleaseSha256) {}
