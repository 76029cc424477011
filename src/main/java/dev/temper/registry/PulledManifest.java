package dev.temper.registry;

import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;

/**
 * A manifest or index as the registry stored it, verified against its digest.
 *
 * @param bytes the exact bytes, whose digest is {@code digest}
 * @param digest the digest computed from the bytes
 * @param mediaType the media type, as both the body and the {@code Content-Type} state it
 */
public record PulledManifest(byte[] bytes, Digest digest, String mediaType) {
  public PulledManifest {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the descriptor of this manifest. */
  public Descriptor descriptor() {
    return Descriptor.of(mediaType, digest, bytes.length);
  }
}
