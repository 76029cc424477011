package dev.temper.oci.image;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Platform;
import dev.temper.oci.docker.DockerArchiveSource;
import dev.temper.oci.layout.OciLayoutSource;
import dev.temper.oci.reference.DockerArchiveReference;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.ImageReferences;
import dev.temper.oci.reference.OciLayoutReference;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.oci.reference.RootfsReference;
import java.io.IOException;

/**
 * Opens an {@link ImageSource} for any reference. Registry references go to the {@link
 * RegistryOpener} given at construction, because the registry client lives in a package above this
 * one.
 */
public final class ImageSources {
  /** Opens images in registries; the registry client provides it. */
  @FunctionalInterface
  public interface RegistryOpener {
    /** Opens the image, selecting the platform from an index as {@link PlatformSelector} does. */
    ImageSource open(RegistryReference reference, Platform platform)
        throws IOException, TemperException;
  }

  private final RegistryOpener registry;

  /** Creates a factory that opens registry references with the given opener. */
  public ImageSources(RegistryOpener registry) {
    this.registry = registry;
  }

  /** Returns a factory for local images only; registry references are rejected. */
  public static ImageSources localOnly() {
    return new ImageSources(
        (reference, platform) -> {
          throw new InvalidInputException(
              "cannot open " + reference + ": registry references need the registry client");
        });
  }

  /** Parses a reference with {@link ImageReferences#parse(String)} and opens it. */
  public ImageSource open(String reference, Platform platform) throws IOException, TemperException {
    return open(ImageReferences.parse(reference), platform);
  }

  /**
   * Opens an image.
   *
   * @param platform the platform to select from an index, or null for the default
   */
  public ImageSource open(ImageReference reference, Platform platform)
      throws IOException, TemperException {
    if (reference instanceof OciLayoutReference oci) {
      return OciLayoutSource.open(oci, platform);
    }
    if (reference instanceof DockerArchiveReference archive) {
      return DockerArchiveSource.open(archive, platform);
    }
    if (reference instanceof RootfsReference rootfs) {
      return RootfsSource.open(rootfs);
    }
    return registry.open((RegistryReference) reference, platform);
  }
}
