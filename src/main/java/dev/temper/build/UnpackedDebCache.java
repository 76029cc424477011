package dev.temper.build;

import dev.temper.archive.Compression;
import dev.temper.cache.ContentCache;
import dev.temper.debian.deb.ArReader;
import dev.temper.debian.deb.DebReader;
import dev.temper.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;

/**
 * Keeps a copy of each verified {@code .deb} whose data member is stored uncompressed, at {@code
 * unpacked/<sha256>.deb} in the cache, so a warm build reads packages without decompressing them
 * again (xz is the slowest step of a build). The copy is made from the .deb whose SHA-256 the lock
 * pins, and the deb reader checks it as it checks any .deb.
 */
final class UnpackedDebCache {
  private final Path directory;

  UnpackedDebCache(ContentCache cache) {
    this.directory = cache.root().resolve("unpacked");
  }

  /** Returns the uncompressed copy of the .deb, making it first if the cache lacks it. */
  Path uncompressed(Path deb, String sha256, String name)
      throws IOException, InvalidInputException {
    Path copy = directory.resolve(sha256 + ".deb");
    if (Files.isRegularFile(copy)) {
      return copy;
    }
    Files.createDirectories(directory);
    Path data = Files.createTempFile(directory, ".tmp-data-", "");
    Path temp = Files.createTempFile(directory, ".tmp-" + sha256.substring(0, 12), ".deb");
    try {
      repack(deb, name, data, temp);
      Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } finally {
      Files.deleteIfExists(data);
      Files.deleteIfExists(temp);
    }
  }

  private static void repack(Path deb, String name, Path data, Path target)
      throws IOException, InvalidInputException {
    try (InputStream in = Files.newInputStream(deb);
        OutputStream out = Files.newOutputStream(target);
        ArArchiveOutputStream ar = new ArArchiveOutputStream(out)) {
      ArReader reader = new ArReader(in, name, DebReader.DEFAULT_MAX_MEMBER_SIZE);
      Optional<ArReader.Member> member;
      while ((member = reader.next()).isPresent()) {
        ArReader.Member current = member.get();
        if (current.name().startsWith("data.tar")) {
          Compression.Detected detected = Compression.detect(current.content());
          long size = copyBounded(detected.compression().decompress(detected.stream()), data, name);
          ar.putArchiveEntry(new ArArchiveEntry("data.tar", size, 0, 0, 0100644, 0));
          Files.copy(data, ar);
        } else {
          ar.putArchiveEntry(new ArArchiveEntry(current.name(), current.size(), 0, 0, 0100644, 0));
          current.content().transferTo(ar);
        }
        ar.closeArchiveEntry();
      }
    }
  }

  private static long copyBounded(InputStream in, Path file, String name)
      throws IOException, InvalidInputException {
    long limit = DebReader.DEFAULT_MAX_MEMBER_SIZE;
    long total = 0;
    try (in;
        OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw new InvalidInputException(
              name + ": data member decompresses to more than " + limit + " bytes");
        }
        out.write(buffer, 0, n);
      }
    }
    return total;
  }
}
