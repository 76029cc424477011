package dev.temper.oci.layout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.oci.Annotations;
import dev.temper.oci.Descriptor;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chooses the image that {@code oci:DIR} names without a tag. Signatures, attestations, SBOMs and
 * other artifacts about an image are listed in {@code index.json} next to it, but are not images to
 * choose from.
 */
final class DefaultImage {
  /**
   * cosign's tags for the signatures, attestations and attached SBOMs of a digest, and the index
   * tag of the distribution spec's referrers tag schema.
   */
  private static final Pattern ARTIFACT_TAG =
      Pattern.compile("sha256-[0-9a-f]{64}(\\.(sig|att|sbom))?");

  private DefaultImage() {}

  /**
   * Returns the only image entry of the layout, or else the entry tagged {@code latest}.
   *
   * @throws NotFoundException when the layout lists no image
   * @throws InvalidInputException when it lists several images and none is tagged latest
   */
  static Descriptor choose(OciLayout layout) throws IOException, InvalidInputException {
    List<Integer> positions = imagePositions(layout);
    List<Descriptor> entries = layout.index().manifests();
    if (positions.size() == 1) {
      return entries.get(positions.get(0));
    }
    String name = "oci:" + layout.root();
    if (positions.isEmpty()) {
      throw new NotFoundException(name + ": the layout has no images");
    }
    Optional<Descriptor> latest = layout.findTag("latest");
    if (latest.isPresent()) {
      return latest.get();
    }
    List<String> choices = new ArrayList<>();
    for (int position : positions) {
      String tag = entries.get(position).annotations().get(Annotations.REF_NAME);
      choices.add(name + ":" + (tag != null ? tag : "@" + position));
    }
    throw new InvalidInputException(
        name
            + ": the layout has "
            + positions.size()
            + " images and none is tagged 'latest', so name one of them: "
            + String.join(", ", choices));
  }

  /** Returns the positions in {@code index.json} of the entries that are images. */
  private static List<Integer> imagePositions(OciLayout layout)
      throws IOException, InvalidInputException {
    List<Integer> positions = new ArrayList<>();
    List<Descriptor> entries = layout.index().manifests();
    for (int i = 0; i < entries.size(); i++) {
      if (!isArtifact(layout, entries.get(i))) {
        positions.add(i);
      }
    }
    return List.copyOf(positions);
  }

  /**
   * Returns whether an entry is an artifact about an image: it has an artifact type, a cosign or
   * referrers tag schema tag, or no tag and a manifest with a {@code subject}.
   */
  private static boolean isArtifact(OciLayout layout, Descriptor entry)
      throws IOException, InvalidInputException {
    if (entry.artifactType() != null) {
      return true;
    }
    String tag = entry.annotations().get(Annotations.REF_NAME);
    if (tag != null) {
      return ARTIFACT_TAG.matcher(tag).matches();
    }
    boolean document =
        MediaTypes.isManifest(entry.mediaType()) || MediaTypes.isIndex(entry.mediaType());
    if (!document || !layout.hasBlob(entry.digest())) {
      return false;
    }
    byte[] manifest = layout.readDocument(entry);
    JsonNode node =
        OciJson.read(manifest, JsonNode.class, "oci:" + layout.root() + " " + entry.digest());
    return node.path("subject").path("digest").isTextual();
  }
}
