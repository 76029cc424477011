package dev.temper.registry;

import dev.temper.error.ControlCharacters;
import dev.temper.error.NetworkException;

/**
 * A registry operation failed: the registry could not be reached, rejected the request, or sent
 * content that failed a check. The message names the registry, the repository and the operation.
 * Every reason maps to exit code 4 on the command line.
 */
public class RegistryException extends NetworkException {
  private static final long serialVersionUID = 1L;

  /** Why an operation failed. */
  public enum Reason {
    /** The registry requires credentials that were missing or rejected. */
    UNAUTHORIZED,
    /** The credentials were accepted but do not allow the operation. */
    DENIED,
    /** The repository, manifest, blob or upload session does not exist. */
    NOT_FOUND,
    /** Content does not match its digest, size or media type. */
    INTEGRITY,
    /** A manifest or other document is larger than the limit. */
    TOO_LARGE,
    /** The registry broke the distribution protocol, such as with a malformed header. */
    PROTOCOL,
    /** The registry kept failing or could not be reached within the bounded retries. */
    UNAVAILABLE,
    /** The registry rejected the request for another reason. */
    REJECTED
  }

  private final Reason reason;
  private final String registry;
  private final String repository;
  private final String operation;
  private final int status;

  /**
   * Creates the error.
   *
   * @param status the HTTP status of the failed response, or -1 when there was none
   * @param detail what went wrong, without credentials
   */
  public RegistryException(
      Reason reason,
      String registry,
      String repository,
      String operation,
      int status,
      String detail,
      Throwable cause) {
    super(describe(registry, repository, operation, status, detail), cause);
    this.reason = reason;
    this.registry = registry;
    this.repository = repository;
    this.operation = operation;
    this.status = status;
  }

  /** Returns why the operation failed. */
  public Reason reason() {
    return reason;
  }

  /** Returns the registry host, such as {@code 127.0.0.1:5000}. */
  public String registry() {
    return registry;
  }

  /** Returns the repository name, or an empty string for registry-wide operations. */
  public String repository() {
    return repository;
  }

  /** Returns the operation, such as {@code pull manifest of tag latest}. */
  public String operation() {
    return operation;
  }

  /** Returns the HTTP status of the failed response, or -1 when there was none. */
  public int status() {
    return status;
  }

  private static String describe(
      String registry, String repository, String operation, int status, String detail) {
    String where = repository.isEmpty() ? registry : registry + "/" + repository;
    // A success status names no cause: the failure lies in what the response carried.
    String http = status > 0 && (status < 200 || status >= 300) ? " (HTTP " + status + ")" : "";
    return operation + " on " + where + " failed" + http + ": " + ControlCharacters.escape(detail);
  }
}
