package dev.temper.oci.reference;

import dev.temper.error.InvalidInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses image names the way skopeo does. Transports: {@code oci:DIR[:TAG]}, {@code
 * docker-archive:FILE[:NAME:TAG]}, {@code dir:ROOTFS}, {@code docker://HOST/REPOSITORY[:TAG][@D]}
 * and a plain {@code HOST/REPOSITORY[:TAG][@D]}, which names a registry.
 *
 * <p>As in skopeo on Linux, the path of {@code oci:} and {@code docker-archive:} ends at the first
 * colon, so the path itself cannot contain one, and {@code :@N} selects the N-th image instead of a
 * tag. temper has no built-in registry: a registry name without a host is rejected unless the
 * environment variable {@value #DEFAULT_REGISTRY_VARIABLE} names the host to use.
 */
public final class ImageReferences {
  /** The environment variable that names the registry host for names given without one. */
  public static final String DEFAULT_REGISTRY_VARIABLE = "TEMPER_DEFAULT_REGISTRY";

  /** The tag that a registry name without tag or digest means, as in docker and skopeo. */
  public static final String DEFAULT_TAG = "latest";

  // The reference grammar of the OCI layout transport in containers/image for index.json names.
  private static final Pattern OCI_TAG =
      Pattern.compile(
          "[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*");
  private static final Set<String> OTHER_TRANSPORTS =
      Set.of(
          "oci-archive",
          "containers-storage",
          "docker-daemon",
          "ostree",
          "sif",
          "tarball",
          "atomic");

  private ImageReferences() {}

  /** Parses a reference, taking the default registry from the process environment. */
  public static ImageReference parse(String text) throws InvalidInputException {
    return parse(text, System.getenv());
  }

  /**
   * Parses a reference.
   *
   * @param environment the variables to read {@value #DEFAULT_REGISTRY_VARIABLE} from
   * @throws InvalidInputException naming the text and what is wrong with it
   */
  public static ImageReference parse(String text, Map<String, String> environment)
      throws InvalidInputException {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("an image reference must not be empty");
    }
    if (text.startsWith("oci:")) {
      return parseOci(text);
    }
    if (text.startsWith("docker-archive:")) {
      return parseDockerArchive(text);
    }
    if (text.startsWith("dir:")) {
      return new RootfsReference(requirePath(text.substring(4), text));
    }
    if (text.startsWith("docker:")) {
      if (!text.startsWith("docker://")) {
        throw RegistryNames.invalid(text, "write docker://HOST/REPOSITORY[:TAG]");
      }
      return parseRegistry(text.substring("docker://".length()), text, environment);
    }
    int colon = text.indexOf(':');
    if (colon > 0 && OTHER_TRANSPORTS.contains(text.substring(0, colon))) {
      throw new InvalidInputException(
          "unsupported transport '"
              + text.substring(0, colon)
              + ":' in '"
              + text
              + "': use oci:, docker-archive:, dir: or docker://");
    }
    return parseRegistry(text, text, environment);
  }

  /**
   * Parses a registry name without transport prefix, such as {@code localhost:5000/app:1}.
   *
   * @param environment the variables to read {@value #DEFAULT_REGISTRY_VARIABLE} from
   */
  public static RegistryReference parseRegistry(String text, Map<String, String> environment)
      throws InvalidInputException {
    return parseRegistry(text, text, environment);
  }

  private static RegistryReference parseRegistry(
      String text, String input, Map<String, String> environment) throws InvalidInputException {
    RegistryNames.Parts parts = RegistryNames.split(text, input);
    String host = parts.host();
    if (host == null) {
      String fallback = environment.get(DEFAULT_REGISTRY_VARIABLE);
      if (fallback == null || fallback.isBlank()) {
        throw new InvalidInputException(
            "image reference '"
                + input
                + "' names no registry host: write it as HOST[:PORT]/"
                + text
                + ", or set "
                + DEFAULT_REGISTRY_VARIABLE
                + " to the registry host to use");
      }
      host = fallback.strip();
      RegistryNames.split(host + "/" + parts.repository(), DEFAULT_REGISTRY_VARIABLE + "=" + host);
    }
    String tag = parts.tag() == null && parts.digest() == null ? DEFAULT_TAG : parts.tag();
    return new RegistryReference(host, parts.repository(), tag, parts.digest());
  }

  private static OciLayoutReference parseOci(String text) throws InvalidInputException {
    String rest = text.substring("oci:".length());
    int colon = rest.indexOf(':');
    Path directory = requirePath(colon < 0 ? rest : rest.substring(0, colon), text);
    if (colon < 0 || colon == rest.length() - 1) {
      return new OciLayoutReference(directory, null, -1);
    }
    String image = rest.substring(colon + 1);
    if (image.startsWith("@")) {
      return new OciLayoutReference(directory, null, parseIndex(image, text));
    }
    if (!isValidLayoutTag(image)) {
      throw RegistryNames.invalid(
          text,
          "invalid tag '"
              + image
              + "' (the directory ends at the first ':', so a directory name cannot contain one)");
    }
    return new OciLayoutReference(directory, image, -1);
  }

  /**
   * Returns whether the text may name an entry of an OCI layout's {@code index.json}, by the
   * grammar that skopeo's OCI layout transport applies: alphanumeric components joined by {@code -
   * . _ : @ +} or {@code --}, and groups of them joined by {@code /}.
   */
  public static boolean isValidLayoutTag(String tag) {
    return tag != null && tag.length() <= 255 && OCI_TAG.matcher(tag).matches();
  }

  private static DockerArchiveReference parseDockerArchive(String text)
      throws InvalidInputException {
    String rest = text.substring("docker-archive:".length());
    int colon = rest.indexOf(':');
    Path file = requirePath(colon < 0 ? rest : rest.substring(0, colon), text);
    if (colon < 0 || colon == rest.length() - 1) {
      return new DockerArchiveReference(file, null, -1);
    }
    String name = rest.substring(colon + 1);
    if (name.startsWith("@")) {
      return new DockerArchiveReference(file, null, parseIndex(name, text));
    }
    return new DockerArchiveReference(file, archiveName(name, text), -1);
  }

  /**
   * Returns a {@code docker save} image name in the form {@code [HOST/]REPOSITORY:TAG}, adding the
   * tag {@code latest} when none is given. The name is only written into the archive's {@code
   * RepoTags}, so it needs no registry host.
   *
   * @throws InvalidInputException when the name is invalid or has a digest
   */
  public static String archiveName(String name) throws InvalidInputException {
    return archiveName(name, name);
  }

  private static String archiveName(String name, String input) throws InvalidInputException {
    RegistryNames.Parts parts = RegistryNames.split(name, input);
    if (parts.digest() != null) {
      throw RegistryNames.invalid(input, "a docker-archive name cannot have a digest");
    }
    String prefix = parts.host() == null ? "" : parts.host() + "/";
    String tag = parts.tag() == null ? DEFAULT_TAG : parts.tag();
    return prefix + parts.repository() + ":" + tag;
  }

  private static int parseIndex(String image, String input) throws InvalidInputException {
    try {
      int index = Integer.parseInt(image.substring(1));
      if (index < 0) {
        throw RegistryNames.invalid(input, "the source index must not be negative");
      }
      return index;
    } catch (NumberFormatException e) {
      throw RegistryNames.invalid(input, "the source index '" + image + "' is not an integer");
    }
  }

  private static Path requirePath(String path, String input) throws InvalidInputException {
    if (path.isEmpty()) {
      throw RegistryNames.invalid(input, "no path given");
    }
    if (path.indexOf('\0') >= 0) {
      throw RegistryNames.invalid(input, "the path contains a NUL character");
    }
    return Path.of(path);
  }
}
