package dev.temper.oci.image;

import java.util.HashSet;
import java.util.Set;

/**
 * The marks of the layers above the current one, for walking layers from top to bottom. An entry of
 * a lower layer is visible only when no upper layer has an entry at its path or deleted it with a
 * whiteout. No upper layer may have made one of its parents opaque or put a non-directory there. A
 * directory above does not hide the children below it, which merge. The marks of the current layer
 * apply only from the next layer down, because a layer's whiteouts affect lower layers only.
 */
final class ShadowState {
  /** The path of the root directory, whose opaque marker hides every lower entry. */
  private static final String ROOT = "";

  private final Set<String> seen = new HashSet<>();
  private final Set<String> nonDirectories = new HashSet<>();
  private final Set<String> whiteouts = new HashSet<>();
  private final Set<String> opaque = new HashSet<>();
  private final Set<String> layerSeen = new HashSet<>();
  private final Set<String> layerNonDirectories = new HashSet<>();
  private final Set<String> layerWhiteouts = new HashSet<>();
  private final Set<String> layerOpaque = new HashSet<>();

  /** Returns whether an upper layer hides the entry at the path. */
  boolean hidden(String path) {
    if (seen.contains(path) || whiteouts.contains(path) || opaque.contains(ROOT)) {
      return true;
    }
    int slash = path.lastIndexOf('/');
    while (slash > 0) {
      String ancestor = path.substring(0, slash);
      if (whiteouts.contains(ancestor)
          || opaque.contains(ancestor)
          || nonDirectories.contains(ancestor)) {
        return true;
      }
      slash = ancestor.lastIndexOf('/');
    }
    return false;
  }

  /**
   * Records an entry of the current layer.
   *
   * @return false when the current layer already had an entry at the path
   */
  boolean add(String path, boolean directory) {
    if (!layerSeen.add(path)) {
      return false;
    }
    if (!directory) {
      layerNonDirectories.add(path);
    }
    return true;
  }

  /** Records a whiteout of the current layer that deletes the path from the layers below. */
  void whiteout(String path) {
    layerWhiteouts.add(path);
  }

  /** Records an opaque marker: the layers below contribute nothing under the directory. */
  void opaque(String directory) {
    layerOpaque.add(directory);
  }

  /** Returns the number of paths recorded so far. */
  int size() {
    return seen.size() + layerSeen.size();
  }

  /** Makes the current layer's marks apply to the layers below it. */
  void endLayer() {
    seen.addAll(layerSeen);
    nonDirectories.addAll(layerNonDirectories);
    whiteouts.addAll(layerWhiteouts);
    opaque.addAll(layerOpaque);
    layerSeen.clear();
    layerNonDirectories.clear();
    layerWhiteouts.clear();
    layerOpaque.clear();
  }
}
