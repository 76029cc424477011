package dev.temper.audit.dockerfile;

/**
 * The parts of an image reference as a Dockerfile writes it, {@code
 * [host/]repository[:tag][@digest]}. Nothing is added: a reference without a host keeps none.
 *
 * @param repository everything before the tag, including a host and port if written
 * @param tag the tag, or null
 * @param digest the digest such as {@code sha256:...}, or null
 */
public record ImageName(String repository, String tag, String digest) {

  /** Splits a reference into repository, tag and digest. */
  public static ImageName parse(String reference) {
    String rest = reference;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return new ImageName(rest, tag, digest);
  }

  /** Returns the reference with the given digest, keeping the tag for readers. */
  public String withDigest(String newDigest) {
    return repository + (tag == null ? "" : ":" + tag) + "@" + newDigest;
  }

  @Override
  public String toString() {
    return repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
