package dev.temper.sbom;

import dev.temper.archive.EntryType;
import dev.temper.oci.image.ImageFile;
import dev.temper.oci.image.ImageFileVisitor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every cataloger over an image's files in one pass of the walk. Feed it to the walk, then
 * call {@link #finish} once. A bad item becomes a warning in the inventory, never a failure of the
 * whole image.
 */
public final class InventoryCollector implements ImageFileVisitor {
  private final ArchiveLimits archiveLimits;
  private final Warnings warnings = new Warnings();
  private final DpkgCataloger dpkg = new DpkgCataloger(warnings);
  private final ReleaseFiles releases = new ReleaseFiles(warnings);
  private final List<JavaArchive> archives = new ArrayList<>();

  /** Creates a collector with {@link ArchiveLimits#DEFAULT}. */
  public InventoryCollector() {
    this(ArchiveLimits.DEFAULT);
  }

  /** Creates a collector with the given bounds on Java archives. */
  public InventoryCollector(ArchiveLimits archiveLimits) {
    this.archiveLimits = archiveLimits;
  }

  @Override
  public void visit(ImageFile file, InputStream content) throws IOException {
    dpkg.visit(file, content);
    releases.visit(file, content);
    if (file.type() == EntryType.FILE && JavaArchiveScanner.isArchiveName(file.path())) {
      visitArchive(file, content);
    }
  }

  private void visitArchive(ImageFile file, InputStream content) {
    if (file.size() > archiveLimits.maxArchiveBytes()) {
      warnings.add(
          file.path(), "larger than " + archiveLimits.maxArchiveBytes() + " bytes, not read");
      return;
    }
    String layerDigest = file.layerDigest() == null ? null : file.layerDigest().toString();
    archives.addAll(
        new JavaArchiveScanner(archiveLimits, file.layerIndex(), layerDigest, warnings)
            .scan(file.path(), content));
  }

  /** Records a warning about an entry that the walk itself skipped. */
  void warn(String where, String problem) {
    warnings.add(where, problem);
  }

  /** Returns what was found, sorted, for the given image. */
  public Inventory finish(ImageSubject subject) {
    List<JavaArchive> sortedArchives = new ArrayList<>(archives);
    sortedArchives.sort(
        Comparator.comparing(JavaArchive::location)
            .thenComparing(a -> a.location().equals(a.parentLocation()))
            .thenComparing(a -> String.valueOf(a.groupId()))
            .thenComparing(a -> String.valueOf(a.artifactId()))
            .thenComparing(a -> String.valueOf(a.version())));
    return new Inventory(
        subject,
        releases.os(),
        dpkg.finish(),
        sortedArchives,
        releases.runtimes(),
        warnings.lines());
  }
}
