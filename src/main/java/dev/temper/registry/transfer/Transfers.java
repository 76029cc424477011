package dev.temper.registry.transfer;

import dev.temper.cache.ContentCache;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Platform;
import dev.temper.oci.docker.DockerArchiveSource;
import dev.temper.oci.docker.DockerArchiveWriter;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ImageSources;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.oci.reference.DockerArchiveReference;
import dev.temper.oci.reference.ImageReference;
import dev.temper.oci.reference.OciLayoutReference;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.Registries;
import dev.temper.registry.Repository;
import java.io.IOException;
import java.util.List;

/**
 * Copies images between OCI layouts, {@code docker save} archives and registries, picking the
 * source and target for each pair of references.
 */
public final class Transfers {
  private final Registries registries;
  private final ContentCache cache;

  /** Creates the dispatcher over these registry clients and this content cache. */
  public Transfers(Registries registries, ContentCache cache) {
    this.registries = registries;
    this.cache = cache;
  }

  /** Returns the factory that opens any reference as an {@link ImageSource}. */
  public ImageSources imageSources() {
    return new ImageSources(RegistryImageSource.opener(registries, cache));
  }

  /**
   * Copies {@code from} to {@code to} with every digest unchanged.
   *
   * @param allPlatforms whether an index is copied whole; archives hold one platform only
   * @param platform the platform to select from an index otherwise, or null for the default
   * @throws InvalidInputException for a pair that cannot be copied, such as into {@code dir:}
   */
  public CopyResult copy(
      ImageReference from, ImageReference to, boolean allPlatforms, Platform platform)
      throws IOException, TemperException {
    if (to instanceof DockerArchiveReference archive) {
      return copyToArchive(from, archive, allPlatforms, platform);
    }
    if (!(to instanceof OciLayoutReference) && !(to instanceof RegistryReference)) {
      throw new InvalidInputException(
          "cannot copy to " + to + ": use oci:, docker-archive: or a registry");
    }
    try (ImageSource archiveSource =
            from instanceof DockerArchiveReference archive
                ? DockerArchiveSource.open(archive, platform)
                : null;
        TransferTarget target = target(to, defaultTag(from))) {
      TransferSource source = source(from, archiveSource);
      return ImageCopier.copy(source, target, allPlatforms, platform);
    }
  }

  private TransferSource source(ImageReference from, ImageSource archive)
      throws IOException, TemperException {
    if (from instanceof OciLayoutReference oci) {
      return LayoutTransferSource.open(oci);
    }
    if (from instanceof RegistryReference registry) {
      return new RegistryTransferSource(
          registries.open(repository(registry)), registry.manifestReference(), cache);
    }
    if (archive != null) {
      return new ImageSourceTransfer(archive);
    }
    throw new InvalidInputException(
        "cannot copy from " + from + ": use oci:, docker-archive: or a registry");
  }

  private TransferTarget target(ImageReference to, String fallbackTag)
      throws IOException, TemperException {
    if (to instanceof OciLayoutReference oci) {
      if (oci.sourceIndex() >= 0) {
        throw new InvalidInputException(
            "cannot copy to " + to + ": name the target entry with a tag, not @INDEX");
      }
      return new LayoutTransferTarget(
          OciLayoutWriter.open(oci.directory()), oci.tag() != null ? oci.tag() : fallbackTag);
    }
    RegistryReference registry = (RegistryReference) to;
    return new RegistryTransferTarget(
        registries.open(repository(registry)), registry.tag(), registry.digest());
  }

  private CopyResult copyToArchive(
      ImageReference from, DockerArchiveReference archive, boolean allPlatforms, Platform platform)
      throws IOException, TemperException {
    if (allPlatforms) {
      throw new InvalidInputException(
          "cannot copy all platforms to "
              + archive
              + ": a docker-archive holds one platform; pass --platform instead");
    }
    try (ImageSource source = imageSources().open(from, platform)) {
      List<String> names = archive.name() == null ? List.of() : List.of(archive.name());
      DockerArchiveWriter.write(source, archive.file(), names);
      // The archive holds the config and every layer, whether or not they were cached already.
      List<Descriptor> blobs = new java.util.ArrayList<>(source.image().manifest().layers());
      blobs.add(source.image().manifest().config());
      long bytes = blobs.stream().mapToLong(Descriptor::size).sum();
      return new CopyResult(
          source.image().manifestDescriptor(), archive.toString(), blobs.size(), 0, 0, 0, bytes);
    }
  }

  /** Returns the source's tag, which a layout target without a tag of its own takes. */
  private static String defaultTag(ImageReference from) {
    if (from instanceof RegistryReference registry) {
      return registry.tag();
    }
    if (from instanceof OciLayoutReference oci) {
      return oci.tag();
    }
    return null;
  }

  static Repository repository(RegistryReference reference) throws InvalidInputException {
    try {
      return new Repository(reference.registry(), reference.repository());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(reference + ": " + e.getMessage(), e);
    }
  }
}
