package dev.temper.build;

import dev.temper.archive.EntryPaths;
import dev.temper.archive.FileEntry;
import dev.temper.build.ImageSpec.LayerSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits the finished tree into layers: one per package group, then one for the files temper
 * generated (accounts, certificates, links, spec paths), then one for the spec's local files. Each
 * path lands in exactly one layer, so no layer needs a whiteout. Every layer repeats the tree's
 * parent directories of its entries, so the owner and mode of a directory never depend on which
 * layer a runtime extracts last.
 */
final class LayerPlan {
  /** The packages that make the default base system layer, with what they depend on. */
  static final List<String> BASE_ROOTS =
      List.of(
          "base-files", "netbase", "tzdata", "ca-certificates", "media-types", "libc6", "libssl3");

  static final String APPLICATION = "application";
  static final String GENERATED = "system configuration";

  private LayerPlan() {}

  /**
   * One planned layer.
   *
   * @param name the layer's name for the image history
   * @param entries the entries, including the parent directories they need
   */
  record Layer(String name, List<FileEntry> entries) {}

  /** Returns the package groups in layer order, each mapping to its package names. */
  static Map<String, Set<String>> groups(List<UnpackedPackage> packages, List<LayerSpec> layers) {
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    Set<String> left = new TreeSet<>();
    packages.forEach(p -> left.add(p.name()));
    if (layers.isEmpty()) {
      Set<String> base = closure(packages, BASE_ROOTS);
      groups.put("base system", base);
      left.removeAll(base);
      groups.put("runtime", left);
    } else {
      for (LayerSpec layer : layers) {
        List<Glob> globs = layer.packages().stream().map(Glob::of).toList();
        Set<String> members = new TreeSet<>();
        for (String name : List.copyOf(left)) {
          if (globs.stream().anyMatch(g -> g.matches(name))) {
            members.add(name);
            left.remove(name);
          }
        }
        groups.put(layer.name(), members);
      }
      groups.put("other packages", left);
    }
    groups.values().removeIf(Set::isEmpty);
    return groups;
  }

  /** Returns the layers for the tree, skipping empty ones. */
  static List<Layer> plan(FileTree tree, Map<String, Set<String>> groups) {
    Map<String, String> layerOfOrigin = new HashMap<>();
    groups.forEach((layer, names) -> names.forEach(n -> layerOfOrigin.put(n, layer)));
    Map<String, List<FileEntry>> byLayer = new LinkedHashMap<>();
    groups.keySet().forEach(name -> byLayer.put(name, new ArrayList<>()));
    byLayer.put(GENERATED, new ArrayList<>());
    byLayer.put(APPLICATION, new ArrayList<>());
    for (FileTree.Node node : tree.nodes()) {
      String layer =
          node.origin().equals(ApplicationFiles.ORIGIN)
              ? APPLICATION
              : layerOfOrigin.getOrDefault(node.origin(), GENERATED);
      byLayer.get(layer).add(node.entry());
    }
    List<Layer> layers = new ArrayList<>();
    for (Map.Entry<String, List<FileEntry>> entry : byLayer.entrySet()) {
      if (!entry.getValue().isEmpty()) {
        layers.add(new Layer(entry.getKey(), withParents(tree, entry.getValue())));
      }
    }
    return layers;
  }

  private static List<FileEntry> withParents(FileTree tree, List<FileEntry> entries) {
    Map<String, FileEntry> all = new LinkedHashMap<>();
    for (FileEntry entry : entries) {
      String parent = EntryPaths.parent(entry.path());
      while (!parent.isEmpty() && !all.containsKey(parent)) {
        tree.get(parent).ifPresent(p -> all.put(p.path(), p));
        parent = EntryPaths.parent(parent);
      }
      all.put(entry.path(), entry);
    }
    return List.copyOf(all.values());
  }

  private static Set<String> closure(List<UnpackedPackage> packages, List<String> roots) {
    Map<String, UnpackedPackage> byName = new HashMap<>();
    packages.forEach(p -> byName.put(p.name(), p));
    Set<String> reached = new TreeSet<>();
    Deque<String> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      UnpackedPackage unpacked = byName.get(name);
      if (unpacked == null || !reached.add(name)) {
        continue;
      }
      pending.addAll(dependencyNames(unpacked));
    }
    return reached;
  }

  /** Returns the package names in Pre-Depends and Depends, every alternative included. */
  static List<String> dependencyNames(UnpackedPackage unpacked) {
    List<String> names = new ArrayList<>();
    for (String field : new String[] {"Pre-Depends", "Depends"}) {
      String value = unpacked.fields().get(field);
      if (value == null) {
        continue;
      }
      for (String alternative : value.split("[,|]")) {
        String name = alternative.strip().split("[\\s(:\\[<]", 2)[0];
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
