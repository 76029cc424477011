package dev.temper.oci.image;

import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Chooses one platform's manifest from an image index. */
public final class PlatformSelector {
  private PlatformSelector() {}

  /**
   * Returns the manifest for the requested platform. Without a request, the index's only platform
   * is taken, or else the host's platform. Entries without a platform or with {@code
   * unknown/unknown}, such as the attestation manifests that BuildKit adds, never count.
   *
   * @param requested the platform to select, or null
   * @throws NotFoundException when no manifest matches
   * @throws InvalidInputException when the choice is ambiguous
   */
  public static Descriptor select(ImageIndex index, Platform requested, String name)
      throws InvalidInputException {
    List<Descriptor> candidates = new ArrayList<>();
    for (Descriptor entry : index.manifests()) {
      Platform platform = entry.platform();
      if (MediaTypes.isManifest(entry.mediaType())
          && platform != null
          && platform.os() != null
          && platform.architecture() != null
          && !"unknown".equals(platform.os())) {
        candidates.add(entry);
      }
    }
    if (candidates.isEmpty()) {
      throw new NotFoundException(name + ": the index lists no image manifest with a platform");
    }
    if (requested == null && candidates.size() == 1) {
      return candidates.get(0);
    }
    Platform target = requested == null ? host() : requested;
    for (Descriptor candidate : candidates) {
      if (candidate.platform().matches(target)) {
        return candidate;
      }
    }
    List<String> available = candidates.stream().map(c -> c.platform().toString()).toList();
    String advice = requested == null ? "choose one with --platform" : "choose one of them";
    throw new NotFoundException(
        name
            + ": no manifest for platform "
            + target
            + (requested == null ? " (the host's)" : "")
            + "; the index has "
            + String.join(", ", available)
            + ": "
            + advice);
  }

  /** Returns the platform of this JVM's host in OCI terms, such as {@code linux/amd64}. */
  public static Platform host() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String architecture =
        switch (arch) {
          case "amd64", "x86_64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "arm" -> "arm";
          case "x86", "i386", "i686" -> "386";
          case "ppc64le" -> "ppc64le";
          case "s390x" -> "s390x";
          case "riscv64" -> "riscv64";
          default -> arch;
        };
    return new Platform("linux", architecture, null);
  }
}
