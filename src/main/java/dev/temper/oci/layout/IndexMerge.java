package dev.temper.oci.layout;

import dev.temper.oci.Annotations;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Merges new entries into a layout's {@code index.json}. */
final class IndexMerge {
  private IndexMerge() {}

  /**
   * Returns the index with the added entries appended. A tagged entry replaces the current entries
   * with the same tag; an untagged entry is skipped when an untagged entry with its digest exists.
   *
   * @param current the current index, or null for a new layout
   */
  static ImageIndex merge(ImageIndex current, List<Descriptor> added) {
    List<Descriptor> merged =
        current == null ? new ArrayList<>() : new ArrayList<>(current.manifests());
    for (Descriptor entry : added) {
      String tag = entry.annotations().get(Annotations.REF_NAME);
      if (tag != null) {
        merged.removeIf(old -> tag.equals(old.annotations().get(Annotations.REF_NAME)));
        merged.add(entry);
      } else if (merged.stream().noneMatch(old -> isUntaggedCopy(old, entry))) {
        merged.add(entry);
      }
    }
    Map<String, String> annotations = current == null ? Map.of() : current.annotations();
    return ImageIndex.oci(merged, annotations);
  }

  private static boolean isUntaggedCopy(Descriptor old, Descriptor entry) {
    return old.digest().equals(entry.digest())
        && !old.annotations().containsKey(Annotations.REF_NAME);
  }
}
