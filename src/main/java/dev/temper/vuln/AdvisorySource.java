package dev.temper.vuln;

/** A source of advisories, which the store keeps apart so that each can be re-imported. */
public enum AdvisorySource {
  OSV("osv", "OSV"),
  DEBIAN_TRACKER("debian-tracker", "Debian security tracker");

  private final String id;
  private final String title;

  AdvisorySource(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** Returns the name under which the store records the source, such as {@code osv}. */
  public String id() {
    return id;
  }

  /** Returns the name shown to people, such as {@code Debian security tracker}. */
  public String title() {
    return title;
  }

  /**
   * Returns the source stored under {@code id}.
   *
   * @throws IllegalArgumentException if no source has this id
   */
  public static AdvisorySource fromId(String id) {
    for (AdvisorySource source : values()) {
      if (source.id.equals(id)) {
        return source;
      }
    }
    throw new IllegalArgumentException("unknown advisory source: " + id);
  }
}
