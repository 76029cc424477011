package dev.temper.sign;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.layout.OciLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image in an OCI layout directory, named as skopeo names it: {@code oci:DIR[:TAG]} or {@code
 * oci:DIR:@N}.
 *
 * @param directory the layout directory
 * @param tag the {@code org.opencontainers.image.ref.name} of the image, or {@code @N} for the N-th
 *     entry of {@code index.json}, or empty for the layout's default image
 */
public record LayoutImage(Path directory, Optional<String> tag) {
  private static final String PREFIX = "oci:";
  private static final Pattern POSITION = Pattern.compile("@[0-9]{1,9}");

  /** Parses {@code oci:DIR[:TAG]}; the tag is the text after the last colon. */
  public static LayoutImage parse(String name) throws InvalidInputException {
    if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
      throw new InvalidInputException(
          "image '"
              + name
              + "' is not supported here: use oci:DIR[:TAG] (an OCI layout directory)");
    }
    String rest = name.substring(PREFIX.length());
    int colon = rest.lastIndexOf(':');
    if (colon < 0) {
      return new LayoutImage(Path.of(rest), Optional.empty());
    }
    if (colon == 0 || colon == rest.length() - 1) {
      throw new InvalidInputException("image '" + name + "': empty directory or tag");
    }
    return new LayoutImage(
        Path.of(rest.substring(0, colon)), Optional.of(rest.substring(colon + 1)));
  }

  /**
   * Returns the manifest digest of the image. A tag of the form {@code @N} names the N-th entry of
   * {@code index.json}, counted from zero. Without a tag, the layout's default image is chosen as
   * {@link OciLayout#resolve(String)} chooses it for every other command: signatures, attestations
   * and other referrers in the layout are not images to choose from.
   */
  public String resolveDigest(ArtifactStore store) throws IOException, TemperException {
    if (tag.isEmpty()) {
      return OciLayout.open(directory).resolve(null).digest().toString();
    }
    if (POSITION.matcher(tag.get()).matches()) {
      int position = Integer.parseInt(tag.get().substring(1));
      return OciLayout.open(directory).entryAt(position).digest().toString();
    }
    return store
        .resolveTag(tag.get())
        .orElseThrow(
            () -> new InvalidInputException(directory + ": no image tagged '" + tag.get() + "'"))
        .digest();
  }

  /** Returns a default docker-reference for payloads: the layout directory's name. */
  public String defaultReference() {
    Path name = directory.toAbsolutePath().normalize().getFileName();
    return name == null ? "image" : name.toString();
  }
}
