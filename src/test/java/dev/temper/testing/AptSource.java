package dev.temper.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One enabled {@code deb} entry of the apt sources.
 *
 * @param uri the archive base URI, ending in '/'
 * @param suites the suites it lists, such as {@code bookworm}
 * @param file the sources file it was read from
 */
public record AptSource(URI uri, List<String> suites, Path file) {
  /** Copies the suites and adds the trailing '/' that URI resolution needs. */
  public AptSource {
    suites = List.copyOf(suites);
    if (!uri.toString().endsWith("/")) {
      uri = URI.create(uri + "/");
    }
  }
}
