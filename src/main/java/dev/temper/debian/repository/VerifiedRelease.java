package dev.temper.debian.repository;

import java.util.List;
import java.util.Objects;

/**
 * A Release whose InRelease signature, validity period and suite were checked.
 *
 * @param release the fields of the signed text
 * @param signerFingerprints fingerprints of the keys, primary keys or subkeys, whose signatures
 *     verified, as upper-case hex
 * @param inReleaseSha256 the SHA-256 of the whole InRelease file, in lower-case hex
 */
public record VerifiedRelease(
    ReleaseFile release, List<String> signerFingerprints, String inReleaseSha256) {

  /** Copies the fingerprint list. */
  public VerifiedRelease {
    Objects.requireNonNull(release, "release");
    signerFingerprints = List.copyOf(signerFingerprints);
    Objects.requireNonNull(inReleaseSha256, "inReleaseSha256");
  }
}
