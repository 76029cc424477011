package dev.temper.debian.repository;

import java.net.URI;
import java.util.List;

/**
 * One suite of one archive to read, with the keys trusted to sign it.
 *
 * @param label the name of the repository in the spec
 * @param uri the archive root, ending in '/'
 * @param suite the suite, such as {@code bookworm-security}
 * @param components the components, such as {@code main}
 * @param architectures the architectures whose indexes to read
 * @param keyring the keys trusted for this archive
 */
public record RepositorySource(
    String label,
    URI uri,
    String suite,
    List<String> components,
    List<String> architectures,
    Keyring keyring) {
  public RepositorySource {
    components = List.copyOf(components);
    architectures = List.copyOf(architectures);
  }
}
