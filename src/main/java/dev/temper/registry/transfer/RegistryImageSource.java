package dev.temper.registry.transfer;

import dev.temper.cache.ContentCache;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Platform;
import dev.temper.oci.image.ImageResolver;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ImageSources;
import dev.temper.oci.image.ResolvedImage;
import dev.temper.oci.reference.RegistryReference;
import dev.temper.registry.PulledManifest;
import dev.temper.registry.Registries;
import dev.temper.registry.RegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * An image in a registry as an {@link ImageSource}. Documents are pulled and verified when it is
 * opened; blobs are pulled into the content cache on first use and read from there.
 */
public final class RegistryImageSource implements ImageSource {
  private final String name;
  private final RegistryClient client;
  private final ContentCache cache;
  private final ResolvedImage image;

  private RegistryImageSource(
      String name, RegistryClient client, ContentCache cache, ResolvedImage image) {
    this.name = name;
    this.client = client;
    this.cache = cache;
    this.image = image;
  }

  /** Returns an opener for {@link ImageSources} that uses these clients and this cache. */
  public static ImageSources.RegistryOpener opener(Registries registries, ContentCache cache) {
    return (reference, platform) -> open(registries, cache, reference, platform);
  }

  /**
   * Opens the image, selecting {@code platform} from an index.
   *
   * @param platform the platform, or null for the default of the platform selector
   */
  public static RegistryImageSource open(
      Registries registries, ContentCache cache, RegistryReference reference, Platform platform)
      throws IOException, TemperException {
    RegistryClient client = registries.open(Transfers.repository(reference));
    String name = reference.toString();
    PulledManifest root = client.pullManifest(reference.manifestReference());
    ResolvedImage image =
        ImageResolver.resolve(
            name,
            root.descriptor(),
            root.bytes(),
            descriptor -> RegistryDocuments.read(client, cache, descriptor, name),
            platform);
    return new RegistryImageSource(name, client, cache, image);
  }

  /** Returns the client of the image's repository, for the artifacts stored beside the image. */
  public RegistryClient client() {
    return client;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ResolvedImage image() {
    return image;
  }

  /** Returns the blob from the cache, which verified its size and digest when it was pulled. */
  @Override
  public InputStream openBlob(Descriptor descriptor) throws IOException, TemperException {
    return Files.newInputStream(client.pullBlob(descriptor, cache));
  }
}
