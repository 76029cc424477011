package dev.temper.vuln;

import java.util.Objects;
import java.util.Optional;

/**
 * One input of {@code temper db import}.
 *
 * @param location a file, a directory, or an {@code http}, {@code https} or {@code file} URL
 * @param sha256 the expected SHA-256 of a downloaded file. With it, the download streams into the
 *     content cache and is verified. Without it, the file is read into memory up to the download
 *     limit and trusted as it arrives.
 */
public record ImportInput(String location, Optional<String> sha256) {
  /** Checks the fields. */
  public ImportInput {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** Returns an input without an expected digest. */
  public static ImportInput of(String location) {
    return new ImportInput(location, Optional.empty());
  }

  /** Returns whether the location is a URL rather than a path. */
  public boolean isUrl() {
    return location.startsWith("file:") || location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*");
  }
}
