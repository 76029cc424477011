package dev.temper.oci.layout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.error.InvalidInputException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds referrers in a layout by reading its manifests. OCI 1.1 defines a referrers API for
 * registries and a fallback tag scheme, but no referrers index inside an image layout, so the scan
 * is the only source of truth here.
 */
final class LayoutReferrers {
  /** Bounds the scan of a hostile layout whose indexes list each other. */
  private static final int MAX_DOCUMENTS = 10_000;

  private LayoutReferrers() {}

  static List<Descriptor> find(OciLayout layout, Digest subject)
      throws IOException, InvalidInputException {
    List<Descriptor> referrers = new ArrayList<>();
    Set<Digest> visited = new HashSet<>();
    Deque<Descriptor> pending = new ArrayDeque<>(layout.index().manifests());
    while (!pending.isEmpty()) {
      Descriptor next = pending.removeFirst();
      boolean document =
          MediaTypes.isManifest(next.mediaType()) || MediaTypes.isIndex(next.mediaType());
      if (!document || !visited.add(next.digest()) || !layout.hasBlob(next.digest())) {
        continue;
      }
      if (visited.size() > MAX_DOCUMENTS) {
        throw new InvalidInputException(
            "oci:" + layout.root() + ": more than " + MAX_DOCUMENTS + " manifests to scan");
      }
      byte[] bytes = layout.readDocument(next);
      JsonNode node =
          OciJson.read(bytes, JsonNode.class, "oci:" + layout.root() + " " + next.digest());
      if (pointsAt(node, subject)) {
        referrers.add(describe(next, node));
      }
      if (MediaTypes.isIndex(next.mediaType())) {
        pending.addAll(
            OciJson.read(bytes, dev.temper.oci.ImageIndex.class, next.digest().toString())
                .manifests());
      }
    }
    return List.copyOf(referrers);
  }

  private static boolean pointsAt(JsonNode node, Digest subject) {
    JsonNode digest = node.path("subject").path("digest");
    return digest.isTextual() && digest.asText().equals(subject.toString());
  }

  private static Descriptor describe(Descriptor found, JsonNode node) {
    String artifactType = node.path("artifactType").asText(null);
    if (artifactType == null) {
      artifactType = node.path("config").path("mediaType").asText(null);
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    node.path("annotations")
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isTextual()) {
                annotations.put(field.getKey(), field.getValue().asText());
              }
            });
    return new Descriptor(
        found.mediaType(), found.digest(), found.size(), annotations, null, artifactType);
  }
}
