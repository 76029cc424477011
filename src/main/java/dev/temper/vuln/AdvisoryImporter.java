package dev.temper.vuln;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.temper.cache.DownloadRequest;
import dev.temper.cache.Downloader;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NetworkException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports advisory files into the store in one transaction: the store changes only if every input
 * could be read. A bad record, range or document inside an input is reported and skipped. A missing
 * file, a failed download, an unsafe or damaged archive, or inputs in which nothing valid was found
 * fail the whole import, and the store file then stays as it was, or stays absent.
 *
 * <p>The format is detected from the content: a zip archive or a directory holds OSV records; a
 * JSON file holds OSV records if it is an array or an object with OSV fields, and is a Debian
 * security tracker export otherwise.
 */
public final class AdvisoryImporter {
  /** Default maximum size of a download without an expected SHA-256, which is held in memory. */
  public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 512L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(AdvisoryImporter.class);

  private final AdvisoryStore store;
  private final Downloader downloader;
  private final long maxDownloadBytes;

  /**
   * Creates an importer.
   *
   * @param downloader fetches URL inputs; downloads with a digest land in its cache
   * @param maxDownloadBytes the maximum size of a download without an expected digest
   */
  public AdvisoryImporter(AdvisoryStore store, Downloader downloader, long maxDownloadBytes) {
    this.store = store;
    this.downloader = downloader;
    this.maxDownloadBytes = maxDownloadBytes;
  }

  /**
   * Imports every input and commits, or changes nothing if one of them cannot be read.
   *
   * @throws InvalidInputException if an input is missing, of an unsupported URL scheme, or unsafe,
   *     or if the inputs hold problems but no valid record
   * @throws NetworkException if a download fails
   * @throws IOException if reading a file or writing the store fails
   */
  public ImportReport importAll(List<ImportInput> inputs)
      throws IOException, InvalidInputException, NetworkException {
    ImportReport report = new ImportReport();
    importAll(inputs, report);
    return report;
  }

  /**
   * Imports every input into {@code report}, which keeps the problems found before a failure.
   *
   * @see #importAll(List)
   */
  public void importAll(List<ImportInput> inputs, ImportReport report)
      throws IOException, InvalidInputException, NetworkException {
    try (ImportSession session = store.beginImport()) {
      for (ImportInput input : inputs) {
        importOne(input, session, report);
      }
      long stored =
          report.recordsStored(AdvisorySource.OSV)
              + report.recordsStored(AdvisorySource.DEBIAN_TRACKER);
      if (stored == 0 && report.problemCount() > 0) {
        throw new InvalidInputException(
            "no valid advisory in the inputs, only "
                + report.problemCount()
                + " problems: "
                + report.problems().get(0)
                + "; the database was not changed");
      }
      session.commit();
    }
  }

  private void importOne(ImportInput input, ImportSession session, ImportReport report)
      throws IOException, InvalidInputException, NetworkException {
    if (!input.isUrl()) {
      importPath(Path.of(input.location()), session, report);
      return;
    }
    URI uri = parseUri(input.location());
    if (input.sha256().isPresent()) {
      DownloadRequest request = new DownloadRequest(uri, -1, input.sha256().get(), fileName(uri));
      importPath(downloader.fetch(request), input.location(), session, report);
      return;
    }
    byte[] bytes = downloader.fetchBytes(uri, maxDownloadBytes, fileName(uri));
    // Named like the import's copy of the store, so that the next import deletes it if this one
    // is killed.
    Path temp =
        Files.createTempFile(
            store.file().getParent(), StagedStore.tempPrefix(store.file()) + "download-", ".tmp");
    try {
      Files.write(temp, bytes);
      bytes = null;
      importPath(temp, input.location(), session, report);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void importPath(Path path, ImportSession session, ImportReport report)
      throws IOException, InvalidInputException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    importPath(path, path.toString(), session, report);
  }

  private void importPath(Path path, String name, ImportSession session, ImportReport report)
      throws IOException, InvalidInputException {
    LOG.info("Importing advisories from {}", name);
    if (Files.isDirectory(path)) {
      new OsvImporter(session, report).importDirectory(path);
      return;
    }
    if (isZip(path)) {
      new OsvImporter(session, report).importZip(path);
      return;
    }
    boolean osv = looksLikeOsv(path);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      if (osv) {
        new OsvImporter(session, report).importDocument(in, name);
      } else {
        new TrackerImporter(session, report).importDocument(in, name);
      }
    }
  }

  private static boolean isZip(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4
          && magic[0] == 'P'
          && magic[1] == 'K'
          && magic[2] == 3
          && magic[3] == 4;
    }
  }

  /** Peeks at the first field of a JSON file; a malformed file is left to the OSV importer. */
  private static boolean looksLikeOsv(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path);
        JsonParser parser = JsonDocuments.open(in)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        return true;
      }
      JsonToken field = parser.nextToken();
      return field != JsonToken.FIELD_NAME
          || OsvRecordReader.TOP_LEVEL_FIELDS.contains(parser.currentName());
    } catch (JsonProcessingException e) {
      return true;
    }
  }

  private static URI parseUri(String location) throws InvalidInputException {
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("invalid URL " + location + ": " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!List.of("http", "https", "file").contains(scheme)) {
      throw new InvalidInputException(
          "unsupported URL scheme in " + location + ": use http, https or file");
    }
    return uri;
  }

  private static String fileName(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    int slash = path.lastIndexOf('/');
    String name = slash >= 0 ? path.substring(slash + 1) : path;
    return name.isEmpty() ? uri.toString() : name;
  }
}
