package dev.temper.sign;

import java.util.Map;

/**
 * An OCI content descriptor: the media type, digest, size and annotations of one blob.
 *
 * @param mediaType the blob's media type
 * @param digest {@code sha256:<hex>}
 * @param size the length in bytes
 * @param annotations the descriptor's annotations, empty when none
 */
public record BlobDescriptor(
    String mediaType, String digest, long size, Map<String, String> annotations) {
  public BlobDescriptor {
    annotations = Map.copyOf(annotations);
  }
}
