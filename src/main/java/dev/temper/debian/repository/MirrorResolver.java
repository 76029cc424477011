package dev.temper.debian.repository;

import dev.temper.error.InvalidInputException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the archive URI for a suite when the spec names none. The order is: the environment ({@code
 * TEMPER_DEBIAN_MIRROR}, and {@code TEMPER_DEBIAN_SECURITY_MIRROR} for suites ending in {@code
 * -security}), then the host's apt sources. Neither the code nor the examples name an archive host,
 * so the same spec works behind a company mirror.
 */
public final class MirrorResolver {
  /** The environment variable naming the Debian archive root. */
  public static final String MIRROR_VARIABLE = "TEMPER_DEBIAN_MIRROR";

  /** The environment variable naming the Debian security archive root. */
  public static final String SECURITY_MIRROR_VARIABLE = "TEMPER_DEBIAN_SECURITY_MIRROR";

  private final Map<String, String> environment;
  private final List<AptSource> hostSources;

  public MirrorResolver(Map<String, String> environment, List<AptSource> hostSources) {
    this.environment = Map.copyOf(environment);
    this.hostSources = List.copyOf(hostSources);
  }

  /** Creates a resolver over this process's environment and the host's {@code /etc/apt}. */
  public static MirrorResolver fromHost() {
    return new MirrorResolver(System.getenv(), AptSources.read(java.nio.file.Path.of("/etc/apt")));
  }

  /**
   * Returns the archive root for a suite, ending in '/'.
   *
   * @throws InvalidInputException if neither the environment nor the host's apt sources name one
   */
  public URI mirrorFor(String suite) throws InvalidInputException {
    Optional<URI> fromEnvironment = fromEnvironment(suite);
    if (fromEnvironment.isPresent()) {
      return fromEnvironment.get();
    }
    for (AptSource source : hostSources) {
      if (source.suites().contains(suite)) {
        return source.uri();
      }
    }
    throw new InvalidInputException(
        "no Debian mirror known for suite '"
            + suite
            + "': set 'url' for the repository in the spec, set "
            + MIRROR_VARIABLE
            + ", or add the suite to the host's apt sources");
  }

  /** Returns the keyring named by {@code Signed-By} in the host source serving this URI, if any. */
  public Optional<String> hostKeyringFor(URI mirror, String suite) {
    return hostSources.stream()
        .filter(s -> s.uri().equals(mirror) && s.suites().contains(suite))
        .map(AptSource::signedBy)
        .filter(k -> k != null && !k.isBlank())
        .findFirst();
  }

  private Optional<URI> fromEnvironment(String suite) throws InvalidInputException {
    boolean security = suite.endsWith("-security");
    String explicit = environment.get(security ? SECURITY_MIRROR_VARIABLE : MIRROR_VARIABLE);
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(parse(explicit, security ? SECURITY_MIRROR_VARIABLE : MIRROR_VARIABLE));
    }
    String main = environment.get(MIRROR_VARIABLE);
    if (security && main != null && !main.isBlank()) {
      // Debian mirrors publish the security archive beside the main one: .../debian-security.
      String trimmed = main.endsWith("/") ? main.substring(0, main.length() - 1) : main;
      return Optional.of(parse(trimmed + "-security", MIRROR_VARIABLE));
    }
    return Optional.empty();
  }

  private static URI parse(String value, String variable) throws InvalidInputException {
    try {
      URI uri = URI.create(value.endsWith("/") ? value : value + "/");
      if (uri.getScheme() == null
          || !List.of("http", "https", "file").contains(uri.getScheme().toLowerCase())) {
        throw new IllegalArgumentException("scheme must be http, https or file");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          variable + " is not a valid URI: '" + value + "': " + e.getMessage());
    }
  }
}
