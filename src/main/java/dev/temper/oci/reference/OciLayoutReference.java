package dev.temper.oci.reference;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code oci:DIR[:TAG]} or {@code oci:DIR:@INDEX}: an image in an OCI image layout directory.
 *
 * @param directory the layout directory
 * @param tag the value of the {@code org.opencontainers.image.ref.name} annotation of the wanted
 *     {@code index.json} entry, or null
 * @param sourceIndex the zero-based position of the wanted entry in {@code index.json}, or -1
 */
public record OciLayoutReference(Path directory, String tag, int sourceIndex)
    implements ImageReference {

  public OciLayoutReference {
    Objects.requireNonNull(directory, "directory");
    if (tag != null && sourceIndex >= 0) {
      throw new IllegalArgumentException("an oci: reference has a tag or an index, not both");
    }
    if (sourceIndex < -1) {
      throw new IllegalArgumentException("invalid source index " + sourceIndex);
    }
  }

  /** Creates a reference to the entry with the given tag, or to the default entry for null. */
  public static OciLayoutReference of(Path directory, String tag) {
    return new OciLayoutReference(directory, tag, -1);
  }

  @Override
  public String transport() {
    return "oci";
  }

  @Override
  public String toString() {
    if (tag != null) {
      return "oci:" + directory + ":" + tag;
    }
    if (sourceIndex >= 0) {
      return "oci:" + directory + ":@" + sourceIndex;
    }
    return "oci:" + directory;
  }
}
