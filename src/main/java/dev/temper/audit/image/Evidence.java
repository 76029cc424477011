package dev.temper.audit.image;

/**
 * The place a check found what it reports, and the finding there.
 *
 * @param path the file path in the image, or null
 * @param layer the digest of the layer that put the file there, or null
 * @param configKey the config key, such as {@code Env} or {@code history[3]}, or null
 * @param detail what was found there, with secrets redacted
 */
public record Evidence(String path, String layer, String configKey, String detail) {

  /** Evidence from a file. */
  public static Evidence file(String path, String layer, String detail) {
    return new Evidence("/" + path, layer, null, detail);
  }

  /** Evidence from the image config. */
  public static Evidence config(String key, String detail) {
    return new Evidence(null, null, key, detail);
  }
}
