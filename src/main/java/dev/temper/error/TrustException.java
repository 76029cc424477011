package dev.temper.error;

/** A signature is missing, invalid, made by an unknown key, or the signed data has expired. */
public class TrustException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public TrustException(String message) {
    super(message);
  }

  public TrustException(String message, Throwable cause) {
    super(message, cause);
  }
}
