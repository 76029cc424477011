package dev.temper.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tukaani.xz.XZInputStream;

/**
 * The Debian mirrors that the host's apt sources name, for tests and benchmarks that need a real
 * archive. Reads {@code /etc/apt/sources.list} (one-line style) and {@code
 * /etc/apt/sources.list.d/*.sources} (deb822 style), and downloads Packages indexes once into a
 * cache directory. Nothing here checks signatures, so callers may only use the content for data
 * that needs no trust, such as version strings.
 */
public final class HostMirror {
  /** The one-line style sources file that apt reads. */
  public static final Path SOURCES_LIST = Path.of("/etc/apt/sources.list");

  /** The directory whose {@code *.sources} files apt reads in deb822 style. */
  public static final Path SOURCES_DIR = Path.of("/etc/apt/sources.list.d");

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private final List<AptSource> sources;
  private final String searched;

  private HostMirror(List<AptSource> sources, String searched) {
    this.sources = List.copyOf(sources);
    this.searched = searched;
  }

  /** Reads the apt sources of this host. */
  public static HostMirror fromHost() throws IOException {
    return read(SOURCES_LIST, SOURCES_DIR);
  }

  /**
   * Reads a one-line style sources file and the {@code *.sources} files of a directory; either may
   * be missing.
   */
  public static HostMirror read(Path sourcesList, Path sourcesDir) throws IOException {
    List<AptSource> sources = new ArrayList<>();
    if (Files.isRegularFile(sourcesList)) {
      sources.addAll(AptSources.parseOneLineStyle(Files.readString(sourcesList), sourcesList));
    }
    if (Files.isDirectory(sourcesDir)) {
      List<Path> files = new ArrayList<>();
      try (DirectoryStream<Path> dir = Files.newDirectoryStream(sourcesDir, "*.sources")) {
        dir.forEach(files::add);
      }
      files.sort(null);
      for (Path file : files) {
        sources.addAll(AptSources.parseDeb822Style(Files.readString(file), file));
      }
    }
    return new HostMirror(sources, sourcesList + " and " + sourcesDir + "/*.sources");
  }

  /** Returns every enabled {@code deb} source, in the order apt reads them. */
  public List<AptSource> sources() {
    return sources;
  }

  /**
   * Returns the base URI, ending in '/', of the first {@code deb} source that lists the suite.
   *
   * @throws IllegalStateException if no source lists it, with a message that says where to add one
   */
  public URI uriFor(String suite) {
    for (AptSource source : sources) {
      if (source.suites().contains(suite)) {
        return source.uri();
      }
    }
    throw new IllegalStateException(
        "no Debian mirror for suite '"
            + suite
            + "' in "
            + searched
            + "; add a 'deb URI "
            + suite
            + " main' line or a deb822 stanza with 'Suites: "
            + suite
            + "' so the archive tests can download its Packages index");
  }

  /**
   * Downloads {@code dists/SUITE/COMPONENT/binary-ARCH/Packages.xz} into {@code
   * cacheDir/SUITE/COMPONENT/binary-ARCH/Packages.xz}, unless that file already exists.
   *
   * @return the cached file
   * @throws IOException if the download fails or the server does not return HTTP 200
   */
  public Path fetchPackagesXz(String suite, String component, String architecture, Path cacheDir)
      throws IOException, InterruptedException {
    String relative = suite + "/" + component + "/binary-" + architecture + "/Packages.xz";
    Path target = cacheDir.resolve(relative);
    if (Files.isRegularFile(target)) {
      return target;
    }
    URI uri = uriFor(suite).resolve("dists/" + relative);
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling("Packages.xz.partial");
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(partial));
    if (response.statusCode() != 200) {
      Files.deleteIfExists(partial);
      throw new IOException("GET " + uri + " returned HTTP " + response.statusCode());
    }
    // The rename makes a half-written download invisible to the next run.
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /** Opens an xz file for reading its decompressed content. */
  public static InputStream openXz(Path file) throws IOException {
    return new XZInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }
}
