package dev.temper.error;

/** Downloaded or cached content whose size or digest differs from the value that vouches for it. */
public class IntegrityException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public IntegrityException(String message) {
    super(message);
  }

  /**
   * Creates the error for a digest mismatch, naming the file and both digests.
   *
   * @param what the file or URL that was checked
   * @param expected the digest that the trusted index states
   * @param actual the digest of the bytes that arrived
   */
  public static IntegrityException digestMismatch(String what, String expected, String actual) {
    return new IntegrityException(
        what + ": SHA-256 mismatch, expected " + expected + " but got " + actual);
  }

  /** Creates the error for a size mismatch, naming the file and both sizes in bytes. */
  public static IntegrityException sizeMismatch(String what, long expected, long actual) {
    return new IntegrityException(
        what + ": size mismatch, expected " + expected + " bytes but got " + actual);
  }
}
