package dev.temper.build;

import java.nio.file.Path;
import java.util.List;

/**
 * An image spec as written in YAML: where packages come from, which ones to install, and what else
 * goes into the image.
 *
 * @param name a short name for the image, used in messages and output file names
 * @param architectures the target architectures, such as {@code amd64}
 * @param repositories the archives to read, in order
 * @param packages the package requests: {@code name}, {@code name=version} or {@code name:arch}
 * @param exclude packages never installed; dependencies on them count as satisfied
 * @param directory the directory of the spec file, against which relative paths resolve
 * @param image what goes into the image besides the packages, and how it runs
 */
public record Spec(
    String name,
    List<String> architectures,
    List<RepositorySpec> repositories,
    List<String> packages,
    List<String> exclude,
    Path directory,
    ImageSpec image) {

  public Spec {
    architectures = List.copyOf(architectures);
    repositories = List.copyOf(repositories);
    packages = List.copyOf(packages);
    exclude = List.copyOf(exclude);
    image = image == null ? ImageSpec.DEFAULTS : image;
  }

  /** Creates a spec with the default image settings. */
  public Spec(
      String name,
      List<String> architectures,
      List<RepositorySpec> repositories,
      List<String> packages,
      List<String> exclude,
      Path directory) {
    this(name, architectures, repositories, packages, exclude, directory, ImageSpec.DEFAULTS);
  }

  /**
   * One archive of a spec.
   *
   * @param name a label for the archive, recorded in the lock instead of its URL
   * @param url the archive root, or null to take it from the environment or the host's apt sources
   * @param suites the suites to read, such as {@code bookworm} and {@code bookworm-updates}
   * @param components the components, {@code main} by default
   * @param keyrings OpenPGP keyring files trusted for this archive, or empty for the Debian archive
   *     keys
   */
  public record RepositorySpec(
      String name, String url, List<String> suites, List<String> components, List<Path> keyrings) {
    public RepositorySpec {
      suites = List.copyOf(suites);
      components = List.copyOf(components);
      keyrings = List.copyOf(keyrings);
    }
  }
}
