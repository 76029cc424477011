package dev.temper.sign;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image in an OCI layout directory, named as skopeo names it: {@code oci:DIR[:TAG]}.
 *
 * @param directory the layout directory
 * @param tag the {@code org.opencontainers.image.ref.name} of the image, empty for the only image
 */
public record LayoutImage(Path directory, Optional<String> tag) {
  private static final String PREFIX = "oci:";

  /** Parses {@code oci:DIR[:TAG]}; the tag is the text after the last colon. */
  public static LayoutImage parse(String name) throws InvalidInputException {
    if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
      throw new InvalidInputException(
          "image '"
              + name
              + "' is not supported here: use oci:DIR[:TAG] (an OCI layout directory)");
    }
    String rest = name.substring(PREFIX.length());
    int colon = rest.lastIndexOf(':');
    if (colon < 0) {
      return new LayoutImage(Path.of(rest), Optional.empty());
    }
    if (colon == 0 || colon == rest.length() - 1) {
      throw new InvalidInputException("image '" + name + "': empty directory or tag");
    }
    return new LayoutImage(
        Path.of(rest.substring(0, colon)), Optional.of(rest.substring(colon + 1)));
  }

  /**
   * Returns the manifest digest of the image. Without a tag, the layout must hold exactly one
   * manifest that is neither a cosign signature or attestation nor an untagged referrer.
   */
  public String resolveDigest(ArtifactStore store) throws IOException, TemperException {
    if (tag.isPresent()) {
      return store
          .resolveTag(tag.get())
          .orElseThrow(
              () -> new InvalidInputException(directory + ": no image tagged '" + tag.get() + "'"))
          .digest();
    }
    List<BlobDescriptor> images = new ArrayList<>();
    for (BlobDescriptor entry : store.manifests()) {
      String name = entry.annotations().getOrDefault(LayoutStore.REF_NAME, "");
      if (!isCosignTag(name) && !(name.isEmpty() && isReferrer(store, entry))) {
        images.add(entry);
      }
    }
    if (images.size() != 1) {
      throw new InvalidInputException(
          directory
              + ": contains "
              + images.size()
              + " images, expected one: name it as oci:DIR:TAG");
    }
    return images.get(0).digest();
  }

  /** Returns a default docker-reference for payloads: the layout directory's name. */
  public String defaultReference() {
    Path name = directory.toAbsolutePath().normalize().getFileName();
    return name == null ? "image" : name.toString();
  }

  /** Returns whether an untagged entry is an artifact about another manifest, such as an SBOM. */
  private static boolean isReferrer(ArtifactStore store, BlobDescriptor entry)
      throws IOException, TemperException {
    Optional<byte[]> manifest =
        store.readManifest(entry.digest(), CosignManifests.MAX_MANIFEST_BYTES);
    return manifest.isPresent()
        && Json.parse(manifest.get(), "manifest " + entry.digest()).path("subject").has("digest");
  }

  private static boolean isCosignTag(String tag) {
    return tag.startsWith("sha256-") && (tag.endsWith(".sig") || tag.endsWith(".att"));
  }
}
