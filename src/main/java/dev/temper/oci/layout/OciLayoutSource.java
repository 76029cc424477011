package dev.temper.oci.layout;

import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Platform;
import dev.temper.oci.image.ImageResolver;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ResolvedImage;
import dev.temper.oci.reference.OciLayoutReference;
import java.io.IOException;
import java.io.InputStream;

/** An image in an OCI layout, named by {@code oci:DIR[:TAG]}. */
public final class OciLayoutSource implements ImageSource {
  private final String name;
  private final OciLayout layout;
  private final ResolvedImage image;

  private OciLayoutSource(String name, OciLayout layout, ResolvedImage image) {
    this.name = name;
    this.layout = layout;
    this.image = image;
  }

  /**
   * Opens the image a reference names: the tagged entry, the entry at an index, or the default
   * entry of {@link OciLayout#resolve(String)}.
   *
   * @param platform the platform to select when the entry is an index, or null for the default
   */
  public static OciLayoutSource open(OciLayoutReference reference, Platform platform)
      throws IOException, TemperException {
    OciLayout layout = OciLayout.open(reference.directory());
    Descriptor root =
        reference.sourceIndex() >= 0
            ? layout.entryAt(reference.sourceIndex())
            : layout.resolve(reference.tag());
    String name = reference.toString();
    byte[] rootBytes = ImageResolver.readDocument(layout::readDocument, root, name);
    ResolvedImage image =
        ImageResolver.resolve(name, root, rootBytes, layout::readDocument, platform);
    return new OciLayoutSource(name, layout, image);
  }

  /** Returns the layout the image is in. */
  public OciLayout layout() {
    return layout;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ResolvedImage image() {
    return image;
  }

  @Override
  public InputStream openBlob(Descriptor descriptor) throws IOException, InvalidInputException {
    return layout.openBlob(descriptor);
  }
}
