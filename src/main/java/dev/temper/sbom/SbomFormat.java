package dev.temper.sbom;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The output formats of an SBOM. */
public enum SbomFormat {
  CYCLONEDX_JSON("cyclonedx-json", "application/vnd.cyclonedx+json"),
  SPDX_JSON("spdx-json", "application/spdx+json"),
  TABLE("table", "text/plain");

  private final String optionName;
  private final String mediaType;

  SbomFormat(String optionName, String mediaType) {
    this.optionName = optionName;
    this.mediaType = mediaType;
  }

  /** Returns the name used on the command line, such as {@code spdx-json}. */
  public String optionName() {
    return optionName;
  }

  /** Returns the media type, also the OCI artifact type of an attached SBOM. */
  public String mediaType() {
    return mediaType;
  }

  /**
   * Returns the format with this command-line name.
   *
   * @throws IllegalArgumentException naming the valid names
   */
  public static SbomFormat fromOptionName(String name) {
    for (SbomFormat format : values()) {
      if (format.optionName.equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown SBOM format '"
            + name
            + "': expected one of "
            + Arrays.stream(values()).map(f -> f.optionName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return optionName;
  }
}
