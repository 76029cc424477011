package dev.temper.audit.pin;

/**
 * A {@code FROM} instruction of a Dockerfile and what pinning does with it.
 *
 * @param lineNumber the line number, starting at 1
 * @param image the image text as written, such as {@code 127.0.0.1:5000/base:1}
 * @param status whether the line is pinned, needs pinning, or is left alone and why
 */
public record FromLine(int lineNumber, String image, Status status) {
  /** The pinning status of a {@code FROM} line. */
  public enum Status {
    /** The image has no digest yet and is pinned. */
    UNPINNED,
    /** The image already names a digest. */
    PINNED,
    /** {@code FROM scratch}, the empty image. */
    SCRATCH,
    /** The name of an earlier build stage. */
    STAGE,
    /** The image is built from a build argument, such as {@code ${BASE}}, so it is left alone. */
    VARIABLE,
    /** The instruction continues on the next line, which pinning does not rewrite. */
    CONTINUED
  }
}
