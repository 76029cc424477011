package dev.temper.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The platform of an image in an index, such as {@code linux/arm64/v8}.
 *
 * @param os the operating system, such as {@code linux}
 * @param architecture the CPU architecture in Go's terms, such as {@code amd64} or {@code arm64}
 * @param variant the CPU variant, such as {@code v8}, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"architecture", "os", "variant"})
public record Platform(
    @JsonProperty("os") String os,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("variant") String variant) {

  /**
   * Parses {@code os/architecture[/variant]}.
   *
   * @throws IllegalArgumentException when the text has fewer than two or more than three parts
   */
  public static Platform parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          "invalid platform '" + text + "': expected os/architecture[/variant]");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
  }

  /** Returns the Go architecture name for a Debian architecture, such as {@code arm64}. */
  public static Platform linuxForDebian(String debianArchitecture) {
    return switch (debianArchitecture) {
      case "amd64" -> new Platform("linux", "amd64", null);
      case "arm64" -> new Platform("linux", "arm64", "v8");
      case "armhf" -> new Platform("linux", "arm", "v7");
      case "armel" -> new Platform("linux", "arm", "v5");
      case "i386" -> new Platform("linux", "386", null);
      case "ppc64el" -> new Platform("linux", "ppc64le", null);
      case "s390x" -> new Platform("linux", "s390x", null);
      case "riscv64" -> new Platform("linux", "riscv64", null);
      default ->
          throw new IllegalArgumentException(
              "no OCI platform known for Debian architecture '" + debianArchitecture + "'");
    };
  }

  /**
   * Returns whether this platform is what {@code wanted} asks for; a missing variant matches any.
   */
  public boolean matches(Platform wanted) {
    return os.equals(wanted.os)
        && architecture.equals(wanted.architecture)
        && (wanted.variant == null || wanted.variant.equals(variant));
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant == null ? "" : "/" + variant);
  }
}
