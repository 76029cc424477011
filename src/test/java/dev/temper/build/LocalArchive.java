package dev.temper.build;

import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.debian.repository.MirrorResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A directory of test {@code .deb} files served through {@code file:} URIs, with a spec and a
 * hand-made lock that pins them, so that a build runs without the resolver or a network.
 */
final class LocalArchive {
  static final String RELEASE_DATE = "2025-05-20T08:00:00Z";
  static final long RELEASE_EPOCH = 1747728000L;

  private final Path root;
  private final List<Lock.Package> pins = new ArrayList<>();

  LocalArchive(Path root) {
    this.root = root;
  }

  /** Writes the package into the archive and pins it. */
  LocalArchive add(DebBuilder deb) throws Exception {
    Path file = deb.write(root.resolve("pool"));
    String[] parts = file.getFileName().toString().replace(".deb", "").split("_");
    pins.add(
        new Lock.Package(
            parts[0],
            parts[1],
            parts[2],
            parts[0],
            parts[1],
            "local",
            "bookworm",
            "pool/" + file.getFileName(),
            Files.size(file),
            DebBuilder.sha256(file),
            false));
    return this;
  }

  /**
   * Writes {@code image.yaml} with the given image fields after the package fields, and its lock.
   *
   * @return the spec file
   */
  Path writeSpec(Path directory, String imageFields) throws Exception {
    StringBuilder yaml = new StringBuilder();
    yaml.append("name: image\n");
    yaml.append("repositories:\n  - name: local\n    url: ").append(root.toUri()).append('\n');
    yaml.append("    suites: [bookworm]\n");
    yaml.append("packages:\n");
    for (Lock.Package pin : pins) {
      yaml.append("  - ").append(pin.name()).append('\n');
    }
    yaml.append(imageFields);
    Path spec = directory.resolve("image.yaml");
    Files.writeString(spec, yaml);
    writeLock(spec);
    return spec;
  }

  /** Writes the lock of the spec as it is now. */
  void writeLock(Path spec) throws Exception {
    Spec loaded = SpecLoader.load(spec);
    Lock.Repository repository =
        new Lock.Repository(
            "local",
            root.toUri().toString(),
            "bookworm",
            "bookworm",
            RELEASE_DATE,
            "0".repeat(64),
            List.of());
    Lock lock =
        new Lock(
            Lock.FORMAT_VERSION,
            LockFiles.inputsDigest(loaded),
            loaded.packages(),
            loaded.exclude(),
            loaded.architectures(),
            List.of(repository),
            List.copyOf(pins));
    LockFiles.write(lock, LockFiles.lockPathFor(spec));
  }

  /** Returns a build that reads through a fresh cache below {@code cacheRoot}. */
  static ImageBuild build(Path cacheRoot) {
    Downloader downloader =
        Downloader.builder(new ContentCache(cacheRoot, Clock.systemUTC())).build();
    MirrorResolver mirrors = new MirrorResolver(Map.of(), List.of());
    return new ImageBuild(downloader, mirrors, new LockFileSource(null));
  }
}
