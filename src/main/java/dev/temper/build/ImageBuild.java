package dev.temper.build;

import dev.temper.archive.LayerOptions;
import dev.temper.cache.Downloader;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.files.ExitCleanup;
import dev.temper.oci.Descriptor;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.layout.OciLayoutWriter;
import dev.temper.sbom.Inventory;
import dev.temper.sbom.SbomAttachment;
import dev.temper.sbom.SbomFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code temper build}: from a spec and its lock, assembles a hardened image per architecture and
 * writes it to the requested outputs. Read top to bottom, this is the whole use case; each step is
 * its own class.
 */
public final class ImageBuild {
  private static final Logger log = LoggerFactory.getLogger(ImageBuild.class);

  private final Downloader downloader;
  private final MirrorResolver mirrors;
  private final LockSource locks;

  /**
   * Creates a build that fetches through the downloader and takes missing locks from the source.
   */
  public ImageBuild(Downloader downloader, MirrorResolver mirrors, LockSource locks) {
    this.downloader = downloader;
    this.mirrors = mirrors;
    this.locks = locks;
  }

  /**
   * Builds the image a spec describes.
   *
   * @throws InvalidInputException for a bad spec, lock, package or local file; nothing is left at
   *     the output paths then
   */
  public BuildResult build(Path specFile, BuildOptions options)
      throws IOException, TemperException {
    Spec spec = SpecLoader.load(specFile);
    LockSource.Locked locked = locks.lockFor(spec, specFile, options.updateLock());
    Lock lock = locked.lock();
    long epoch = options.sourceDateEpoch().orElse(SourceDate.fromLock(lock));
    LayerOptions layerOptions = options.layerOptions(epoch);
    BuildOutputs outputs = BuildOutputs.of(options.outputs(), spec);

    LayerCache layerCache = new LayerCache(downloader.cache());
    UnpackedDebCache debCache = new UnpackedDebCache(downloader.cache());
    Path work = Files.createTempDirectory("temper-build-");
    ExitCleanup.register(work);
    try (OciLayoutWriter layout = OciLayoutWriter.open(outputs.layoutDirectory(work))) {
      List<ImageWrite.PlatformImage> images = new ArrayList<>();
      List<BuildResult.Platform> platforms = new ArrayList<>();
      List<Removal> removals = new ArrayList<>();
      for (String architecture : spec.architectures()) {
        List<Lock.Package> pins = packagesFor(lock, architecture);
        long start = System.nanoTime();
        List<Path> debs = PackageFetch.fetch(spec, pins, downloader, mirrors);
        log.info("{}: fetched {} packages in {} ms", architecture, pins.size(), millis(start));
        start = System.nanoTime();
        List<UnpackedPackage> packages = PackageUnpacks.readAll(pins, debs, debCache);
        log.info("{}: unpacked in {} ms", architecture, millis(start));
        start = System.nanoTime();
        RootFsAssembly.Assembled root = RootFsAssembly.assemble(spec, packages);
        log.info(
            "{}: assembled {} paths in {} ms", architecture, root.tree().size(), millis(start));
        Map<String, Set<String>> groups = LayerPlan.groups(packages, spec.image().layers());
        List<LayerPlan.Layer> layers = LayerPlan.plan(root.tree(), groups);
        boolean certificates = root.certificates() > 0;
        start = System.nanoTime();
        ImageWrite.PlatformImage image =
            ImageWrite.write(
                layout,
                spec,
                architecture,
                layers,
                certificates,
                layerOptions,
                epoch,
                work,
                layerCache);
        log.info("{}: wrote {} layers in {} ms", architecture, layers.size(), millis(start));
        Inventory inventory = ImageSbom.inventory(outputs.names().get(0), image, layers, epoch);
        Descriptor sbom =
            SbomAttachment.attach(layout, image.manifest(), inventory, SbomFormat.CYCLONEDX_JSON);
        log.info("{}: attached the SBOM as {}", architecture, sbom.digest());
        images.add(image);
        platforms.add(summary(image, packages.size(), root));
        if (removals.isEmpty()) {
          removals.addAll(root.removals());
        }
      }
      Descriptor top = images.get(0).manifest();
      if (images.size() > 1) {
        List<Descriptor> manifests =
            images.stream().map(ImageWrite.PlatformImage::manifest).toList();
        top = layout.writeIndex(ImageIndex.oci(manifests, ImageConfigs.annotations(spec, epoch)));
      }
      layout.tag(top, outputs.tag());
      layout.commit();
      outputs.writeDockerArchives(layout.target());
      return new BuildResult(
          spec.name(),
          locked.path(),
          locked.created(),
          epoch,
          top,
          platforms,
          removals,
          outputs.names());
    } finally {
      BuildOutputs.deleteTree(work);
      ExitCleanup.unregister(work);
    }
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static BuildResult.Platform summary(
      ImageWrite.PlatformImage image, int packages, RootFsAssembly.Assembled root) {
    return new BuildResult.Platform(
        image.architecture(),
        image.manifest(),
        packages,
        root.tree().size(),
        image.layers().size(),
        image.compressedSize(),
        image.uncompressedSize(),
        root.links());
  }

  /**
   * Returns the packages of one architecture: its own and the {@code all} ones. NOTE: a
   * multi-architecture lock lists {@code all} packages once for every architecture, so an {@code
   * all} package that only another architecture's resolution needed lands in this image too.
   */
  static List<Lock.Package> packagesFor(Lock lock, String architecture)
      throws InvalidInputException {
    List<Lock.Package> packages =
        lock.packages().stream()
            .filter(p -> p.architecture().equals(architecture) || p.architecture().equals("all"))
            .toList();
    if (packages.stream().noneMatch(p -> p.architecture().equals(architecture))) {
      throw new InvalidInputException(
          "the lock has no packages for architecture " + architecture + ": run temper lock again");
    }
    return packages;
  }
}
