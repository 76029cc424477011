package dev.temper.audit.migrate;

/**
 * How to migrate.
 *
 * @param base the hardened base image, pinned by digest ({@code name[:tag]@sha256:...})
 * @param user the user the final stage runs as, {@code 65532:65532} (nonroot) by default
 * @param javaPath the path of the {@code java} launcher in the base image
 */
public record MigrationOptions(String base, String user, String javaPath) {
  public MigrationOptions {
    if (base == null || !base.contains("@sha256:")) {
      throw new IllegalArgumentException(
          "the base image must be pinned by digest (name@sha256:...), got: " + base);
    }
  }

  /** Returns options with the nonroot user and the Debian location of {@code java}. */
  public static MigrationOptions forBase(String base) {
    return new MigrationOptions(base, "65532:65532", "/usr/bin/java");
  }
}
