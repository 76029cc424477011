package dev.temper.build;

import dev.temper.archive.EntryType;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assembles one platform's root file system from its unpacked packages, doing the work of the
 * maintainer scripts that never run, then hardening it. The steps run in this order because each
 * one needs what the previous one left.
 */
final class RootFsAssembly {
  private RootFsAssembly() {}

  /**
   * What the assembly made.
   *
   * @param tree the finished root file system
   * @param removals what hardening removed or changed
   * @param overwrites paths that a later package replaced, as the spec allowed
   * @param links the links made for runtimes, as {@code path -> target}
   * @param certificates the number of CA certificates in the bundle
   */
  record Assembled(
      FileTree tree,
      List<Removal> removals,
      List<PackageMerge.Overwrite> overwrites,
      List<String> links,
      int certificates) {}

  static Assembled assemble(Spec spec, List<UnpackedPackage> packages)
      throws InvalidInputException, IOException {
    ImageSpec image = spec.image();
    List<PackageMerge.Overwrite> overwrites = new ArrayList<>();
    FileTree tree = PackageMerge.merge(packages, image.allowOverwrite(), overwrites);
    MergedUsr.link(tree);

    // Harden before adding temper's own files, so that pruning never removes what the spec asks.
    List<Removal> removals = Hardening.apply(tree, image.prune());

    AccountFiles.apply(tree, image.accounts());
    SystemFiles.apply(tree);
    boolean java = !RuntimeLinks.javaHomes(tree).isEmpty();
    int certificates = CertificateStores.apply(tree, image.certificates(), java);
    List<String> links = RuntimeLinks.apply(tree);
    SpecPaths.apply(tree, image.paths(), image.accounts());
    PackageRecords.apply(tree, packages);
    ApplicationFiles.apply(tree, image.files(), image.accounts());
    checkLoader(tree);
    return new Assembled(tree, removals, overwrites, links, certificates);
  }

  /**
   * Checks that every dynamic loader link in the library directories reaches a file, so that
   * dynamically linked programs can start.
   */
  private static void checkLoader(FileTree tree) throws InvalidInputException {
    for (String directory : MergedUsr.LINKED) {
      if (!directory.startsWith("lib")) {
        continue;
      }
      for (FileTree.Node node : List.copyOf(tree.below("usr/" + directory))) {
        String path = node.entry().path();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.startsWith("ld-linux") || node.entry().type() != EntryType.SYMLINK) {
          continue;
        }
        String shortPath = path.substring("usr/".length());
        Optional<String> resolved = tree.resolve(shortPath);
        boolean file =
            resolved.flatMap(tree::get).map(e -> e.type() == EntryType.FILE).orElse(false);
        if (!file) {
          throw new InvalidInputException(
              "the dynamic loader /" + shortPath + " does not resolve to a file in the image");
        }
      }
    }
  }
}
