package dev.temper.debian.repository;

import java.net.URI;
import java.util.List;

/**
 * One {@code deb} entry of the host's apt sources.
 *
 * @param uri the archive root
 * @param suites the suites it serves, such as {@code bookworm bookworm-updates}
 * @param components the components, such as {@code main}
 * @param signedBy the keyring file from {@code Signed-By} or {@code [signed-by=...]}, or null
 */
public record AptSource(URI uri, List<String> suites, List<String> components, String signedBy) {
  public AptSource {
    suites = List.copyOf(suites);
    components = List.copyOf(components);
  }
}
