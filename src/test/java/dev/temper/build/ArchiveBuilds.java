package dev.temper.build;

import dev.temper.archive.Compression;
import dev.temper.cache.ContentCache;
import dev.temper.cache.Downloader;
import dev.temper.debian.repository.MirrorResolver;
import dev.temper.oci.reference.ImageReferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/** Builds specs from the real Debian archive, through the host's mirror, as temper build does. */
final class ArchiveBuilds {
  private ArchiveBuilds() {}

  /** Copies an example spec into the directory, followed by extra YAML lines. */
  static Path example(String name, Path directory, String extra) throws Exception {
    Path spec = directory.resolve(name + ".yaml");
    Files.createDirectories(directory);
    Files.writeString(spec, Files.readString(Path.of("examples", name + ".yaml")) + extra);
    return spec;
  }

  /** Builds into {@code oci:LAYOUT:test} with a cache at {@code cache}. */
  static BuildResult build(Path spec, Path layout, Path cache) throws Exception {
    Downloader downloader = Downloader.builder(new ContentCache(cache, Clock.systemUTC())).build();
    MirrorResolver mirrors = MirrorResolver.fromHost();
    Locker locker = new Locker(downloader, mirrors, Clock.systemUTC());
    ImageBuild build = new ImageBuild(downloader, mirrors, LockSource.through(locker));
    BuildOptions options =
        new BuildOptions(
            List.of(ImageReferences.parse("oci:" + layout + ":test")),
            Compression.GZIP,
            OptionalLong.empty(),
            false);
    return build.build(spec, options);
  }

  /** Returns {@code skopeo inspect} of the layout's test tag, as JSON text. */
  static String inspect(Path layout) throws Exception {
    return Fixtures.run("skopeo", "inspect", "oci:" + layout + ":test");
  }
}
