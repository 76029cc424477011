package dev.temper.sbom;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.jar.Manifest;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * Reads a Java archive from a stream in one pass, nested archives included, and reports the
 * artifacts in it. Entries that carry no coordinates are skipped without inflating them where the
 * zip format allows, so class files cost only the reading of their compressed bytes.
 */
final class JavaArchiveScanner {
  private static final int MAX_SMALL_ENTRY_BYTES = 1 << 20;

  private final ArchiveBudget budget;
  private final int layerIndex;
  private final String layerDigest;
  private final Warnings warnings;
  private final List<JavaArchive> found = new ArrayList<>();

  JavaArchiveScanner(ArchiveLimits limits, int layerIndex, String layerDigest, Warnings warnings) {
    this.budget = new ArchiveBudget(limits);
    this.layerIndex = layerIndex;
    this.layerDigest = layerDigest;
    this.warnings = warnings;
  }

  /** Returns whether a file name ends like a Java archive. */
  static boolean isArchiveName(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear");
  }

  /**
   * Reads the archive at {@code location} and everything nested in it; a failure of the archive or
   * of a nested one becomes a warning naming it, and the artifacts read before it are kept.
   */
  List<JavaArchive> scan(String location, InputStream content) {
    try {
      scanLevel(location, null, content, 1);
    } catch (IOException e) {
      warnings.add(location, problem(e));
    }
    return List.copyOf(found);
  }

  private void scanLevel(String location, String parent, InputStream raw, int depth)
      throws IOException {
    HashingInputStream hashed = new HashingInputStream(raw);
    Level level = new Level(hashed);
    ZipArchiveInputStream zip =
        new ZipArchiveInputStream(hashed, StandardCharsets.UTF_8.name(), true, true);
    Coordinates coordinates = new Coordinates();
    ZipArchiveEntry entry;
    while ((entry = zip.getNextEntry()) != null) {
      budget.entry();
      if (!entry.isDirectory()) {
        readEntry(location, entry, level, level.meter(zip), coordinates, depth);
      }
    }
    if (!hashed.drain(budget.limits().maxArchiveBytes())) {
      throw new ArchiveBudget.LimitExceeded(
          "larger than " + budget.limits().maxArchiveBytes() + " bytes");
    }
    found.addAll(
        coordinates.artifacts(
            location, parent, hashed.sha1(), hashed.sha256(), layerIndex, layerDigest));
  }

  private void readEntry(
      String location,
      ZipArchiveEntry entry,
      Level level,
      InputStream data,
      Coordinates coordinates,
      int depth)
      throws IOException {
    String name = entry.getName();
    if (Coordinates.isPomProperties(name)) {
      Properties properties = new Properties();
      properties.load(new ByteArrayInputStream(readSmall(location, name, data)));
      coordinates.addPom(properties);
    } else if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
      Manifest manifest = new Manifest(new ByteArrayInputStream(readSmall(location, name, data)));
      coordinates.setManifest(manifest.getMainAttributes());
    } else if (isArchiveName(name)) {
      readNested(location + "!/" + name, location, level, data, depth + 1);
    } else if (entry.getGeneralPurposeBit().usesDataDescriptor()
        && entry.getMethod() != ZipMethod.STORED.getCode()) {
      // Without sizes in the local header the zip reader would inflate this entry to skip it,
      // outside the budget; read it through the meter instead.
      data.transferTo(OutputStreamSink.INSTANCE);
    }
  }

  private void readNested(String location, String parent, Level outer, InputStream data, int depth)
      throws IOException {
    if (depth > budget.limits().maxDepth()) {
      warnings.add(
          location,
          "nested deeper than " + budget.limits().maxDepth() + " archives, not read further");
    } else {
      try {
        scanLevel(location, parent, data, depth);
      } catch (ArchiveBudget.ZipBomb e) {
        if (e.level() == outer) {
          throw e;
        }
        warnings.add(location, e.getMessage());
      } catch (ArchiveBudget.LimitExceeded e) {
        throw e;
      } catch (IOException e) {
        // A broken nested archive spoils only itself: the outer one is still a readable zip.
        warnings.add(location, problem(e));
      }
    }
    // Read what is left of the entry through the outer meter, so it stays within the budget.
    data.transferTo(OutputStreamSink.INSTANCE);
  }

  private byte[] readSmall(String location, String name, InputStream data) throws IOException {
    byte[] bytes = data.readNBytes(MAX_SMALL_ENTRY_BYTES + 1);
    if (bytes.length > MAX_SMALL_ENTRY_BYTES) {
      warnings.add(location + "!/" + name, "larger than " + MAX_SMALL_ENTRY_BYTES + " bytes");
      return new byte[0];
    }
    return bytes;
  }

  private static String problem(IOException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return e instanceof ArchiveBudget.LimitExceeded ? message : "unreadable archive: " + message;
  }

  /** Meters the inflated bytes of one archive level against the budget. */
  private final class Level {
    private final HashingInputStream compressed;
    private long inflated;

    Level(HashingInputStream compressed) {
      this.compressed = compressed;
    }

    InputStream meter(InputStream entryData) {
      return new FilterInputStream(entryData) {
        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0) {
            inflated += n;
            budget.inflated(n, inflated, compressed.count(), Level.this);
          }
          return n;
        }

        @Override
        public long skip(long n) throws IOException {
          byte[] buffer = new byte[(int) Math.min(n, 8192)];
          int read = read(buffer, 0, buffer.length);
          return Math.max(read, 0);
        }

        @Override
        public void close() {
          // The zip reader owns the stream.
        }
      };
    }
  }

  /** An output stream that drops what it is given. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
