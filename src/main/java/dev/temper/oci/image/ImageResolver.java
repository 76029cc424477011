package dev.temper.oci.image;

import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.Platform;
import java.io.IOException;

/**
 * Follows an image's documents from what a reference names to one platform's manifest and config.
 * Every source uses it, so an index, a manifest and a config are checked the same way wherever they
 * come from.
 */
public final class ImageResolver {
  private ImageResolver() {}

  /** Reads a document blob and checks it against its descriptor. */
  @FunctionalInterface
  public interface DocumentReader {
    /**
     * Returns the bytes of the blob, verified against the descriptor's digest and size.
     *
     * @throws dev.temper.error.IntegrityException when they differ
     */
    byte[] read(Descriptor descriptor) throws IOException, TemperException;
  }

  /**
   * Resolves an image.
   *
   * @param name names the image in errors
   * @param root the descriptor of the document the reference names
   * @param rootBytes its bytes, already verified against it
   * @param reader reads the documents the root lists
   * @param requested the platform to select from an index, or null for the default of {@link
   *     PlatformSelector}
   */
  public static ResolvedImage resolve(
      String name, Descriptor root, byte[] rootBytes, DocumentReader reader, Platform requested)
      throws IOException, TemperException {
    ImageIndex index = null;
    Descriptor manifestDescriptor = root;
    byte[] manifestBytes = rootBytes;
    if (MediaTypes.isIndex(root.mediaType())) {
      index = OciJson.read(rootBytes, ImageIndex.class, name + ": index " + root.digest());
      manifestDescriptor = PlatformSelector.select(index, requested, name);
      manifestBytes = readDocument(reader, manifestDescriptor, name);
    } else if (!MediaTypes.isManifest(root.mediaType())) {
      throw new InvalidInputException(
          name
              + ": "
              + root.digest()
              + " has media type "
              + root.mediaType()
              + ", which is neither an image manifest nor an index");
    }
    ImageManifest manifest =
        OciJson.read(
            manifestBytes, ImageManifest.class, name + ": manifest " + manifestDescriptor.digest());
    checkManifest(name, manifestDescriptor, manifest);
    byte[] configBytes = readDocument(reader, manifest.config(), name);
    ImageConfig config =
        OciJson.read(
            configBytes, ImageConfig.class, name + ": config " + manifest.config().digest());
    if (index == null && requested != null) {
      checkPlatform(name, config, requested);
    }
    return new ResolvedImage(
        root, rootBytes, index, manifestDescriptor, manifestBytes, manifest, configBytes, config);
  }

  private static void checkPlatform(String name, ImageConfig config, Platform requested)
      throws NotFoundException {
    if (config.os() == null || config.architecture() == null) {
      return;
    }
    Platform actual = new Platform(config.os(), config.architecture(), config.variant());
    if (!actual.matches(requested)) {
      throw new NotFoundException(
          name + ": the image is for " + actual + ", not for the requested " + requested);
    }
  }

  private static void checkManifest(String name, Descriptor descriptor, ImageManifest manifest)
      throws InvalidInputException {
    String manifestName = name + ": manifest " + descriptor.digest();
    if (manifest.schemaVersion() != 2) {
      throw new InvalidInputException(
          manifestName
              + ": unsupported schemaVersion "
              + manifest.schemaVersion()
              + ", expected 2");
    }
    if (manifest.mediaType() != null && !manifest.mediaType().equals(descriptor.mediaType())) {
      throw new InvalidInputException(
          manifestName
              + ": its mediaType "
              + manifest.mediaType()
              + " differs from the descriptor's "
              + descriptor.mediaType());
    }
    if (manifest.config() == null) {
      throw new InvalidInputException(manifestName + ": no config descriptor");
    }
    String configType = manifest.config().mediaType();
    if (!MediaTypes.OCI_CONFIG.equals(configType) && !MediaTypes.DOCKER_CONFIG.equals(configType)) {
      throw new InvalidInputException(
          manifestName
              + ": config media type "
              + configType
              + " is not an image config; the manifest is an artifact"
              + (manifest.artifactType() == null ? "" : " of type " + manifest.artifactType()));
    }
  }

  /**
   * Reads a document after checking that its descriptor's size is within {@link
   * OciJson#MAX_DOCUMENT_BYTES}.
   */
  public static byte[] readDocument(DocumentReader reader, Descriptor descriptor, String name)
      throws IOException, TemperException {
    if (descriptor.size() > OciJson.MAX_DOCUMENT_BYTES) {
      throw new InvalidInputException(
          name
              + ": "
              + descriptor.mediaType()
              + " "
              + descriptor.digest()
              + " has "
              + descriptor.size()
              + " bytes, more than the limit of "
              + OciJson.MAX_DOCUMENT_BYTES);
    }
    return reader.read(descriptor);
  }
}
