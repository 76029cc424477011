package dev.temper.sign;

import java.util.List;
import java.util.Map;

/**
 * The outcome of verifying every candidate signature of an image: the claims that verified and, for
 * each candidate that did not, the reason.
 *
 * @param verified the claims whose signatures verified and that name the image
 * @param failures one entry per rejected candidate
 */
public record VerificationReport(List<Claim> verified, List<Failure> failures) {
  public VerificationReport {
    verified = List.copyOf(verified);
    failures = List.copyOf(failures);
  }

  /** Why a candidate was rejected. */
  public enum Reason {
    /** The signature names another key by hint or keyid. */
    WRONG_KEY,
    /** The signature does not verify: another key made it, or the content was altered. */
    BAD_SIGNATURE,
    /** The candidate is not in the expected format. */
    MALFORMED,
    /** The signed payload names a different image digest. */
    OTHER_IMAGE,
    /** The simple-signing {@code critical.type} is not cosign's image signature type. */
    WRONG_TYPE,
    /** The DSSE payload type is not in-toto. */
    NOT_IN_TOTO,
    /** The attestation has a predicate type other than the requested one. */
    OTHER_PREDICATE_TYPE,
    /** The signer is named by a certificate, which temper does not verify. */
    KEYLESS,
    /** The candidate's content could not be read from the store. */
    MISSING_CONTENT
  }

  /**
   * A verified claim.
   *
   * @param candidate the name of the signature that carried it
   * @param imageDigest the image it is about
   * @param dockerReference the repository named in a simple-signing payload, else the subject
   * @param predicateType the in-toto predicate type, empty for image signatures
   * @param annotations the optional annotations of a simple-signing payload
   * @param payload the verified payload bytes (simple-signing JSON or in-toto statement)
   */
  public record Claim(
      String candidate,
      String imageDigest,
      String dockerReference,
      String predicateType,
      Map<String, String> annotations,
      byte[] payload) {
    public Claim {
      annotations = Map.copyOf(annotations);
    }
  }

  /**
   * A rejected candidate.
   *
   * @param candidate the name of the signature
   * @param reason the kind of failure
   * @param detail the specific values behind it
   */
  public record Failure(String candidate, Reason reason, String detail) {
    /** Returns a one-line message such as {@code X: not verified: keyless (...)}. */
    public String message() {
      return candidate + ": not verified: " + detail;
    }
  }

  /** Returns whether at least one claim verified. */
  public boolean anyVerified() {
    return !verified.isEmpty();
  }
}
