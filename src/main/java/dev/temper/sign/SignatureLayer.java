package dev.temper.sign;

import java.util.Optional;

/**
 * One layer of a cosign signature or attestation manifest: its descriptor (media type, digest and
 * annotations) and its content, which is empty when the store could not produce matching bytes.
 *
 * @param name how reports name the candidate, such as {@code sha256-abc.sig layer 2}
 * @param descriptor the layer descriptor from the manifest
 * @param content the layer bytes, checked against the descriptor's digest
 * @param loadError why the content is missing, empty when it is present
 */
public record SignatureLayer(
    String name, BlobDescriptor descriptor, Optional<byte[]> content, String loadError) {}
