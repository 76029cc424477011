package dev.temper.sign;

import dev.temper.registry.RegistryException;

/** Sorts registry failures into those about one candidate's content and those about the store. */
final class CandidateErrors {
  private CandidateErrors() {}

  /**
   * Returns whether the failure is about the content the registry served (a digest or size
   * mismatch, an oversized or malformed document), which rejects one candidate, as opposed to the
   * registry being unreachable or denying access, which fails the whole verification.
   */
  static boolean isContentFailure(RegistryException e) {
    return switch (e.reason()) {
      case INTEGRITY, TOO_LARGE, PROTOCOL, NOT_FOUND -> true;
      default -> false;
    };
  }
}
