package dev.temper.oci.image;

import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.reference.RootfsReference;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A root file system directory, named by {@code dir:ROOTFS}: files without manifest or layers. */
public final class RootfsSource implements ImageSource {
  private final RootfsReference reference;

  private RootfsSource(RootfsReference reference) {
    this.reference = reference;
  }

  /**
   * Opens a root file system directory.
   *
   * @throws NotFoundException when it is not a directory
   */
  public static RootfsSource open(RootfsReference reference) throws NotFoundException {
    if (!Files.isDirectory(reference.directory())) {
      throw new NotFoundException(reference + ": no such directory");
    }
    return new RootfsSource(reference);
  }

  @Override
  public String name() {
    return reference.toString();
  }

  @Override
  public ResolvedImage image() throws InvalidInputException {
    throw new InvalidInputException(
        name() + " is a root file system directory and has no manifest or config");
  }

  @Override
  public InputStream openBlob(Descriptor descriptor) throws InvalidInputException {
    throw new InvalidInputException(name() + " is a root file system directory and has no blobs");
  }

  @Override
  public Optional<Path> rootfsDirectory() {
    return Optional.of(reference.directory());
  }
}
