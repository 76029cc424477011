package dev.temper.error;

/** A package request cannot be resolved: no candidate fits a relation. */
public class UnsatisfiableException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public UnsatisfiableException(String message) {
    super(message);
  }
}
