package dev.temper.oci.docker;

import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.OciJson;
import dev.temper.oci.blob.AtomicFiles;
import dev.temper.oci.blob.BlobIntegrityIOException;
import dev.temper.oci.image.Compression;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ResolvedImage;
import dev.temper.oci.reference.ImageReferences;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes an image as a {@code docker save} archive that {@code docker load} and {@code skopeo copy
 * docker-archive:...} read: each layer uncompressed as {@code HEX/layer.tar} named by its diff ID,
 * the config as {@code HEX.json} with its original bytes, and {@code manifest.json}. The optional
 * {@code repositories} file of the old v1 format is not written. Members have owner 0:0 and time 0,
 * so the same image gives the same bytes.
 *
 * <p>The archive is written to a temporary file next to the target and renamed into place, so a
 * failure leaves no partial archive.
 */
public final class DockerArchiveWriter {
  private DockerArchiveWriter() {}

  /**
   * Writes the image.
   *
   * @param repoTags names for {@code RepoTags}, such as {@code app:1.0}; a name without tag gets
   *     {@code latest}
   * @throws IntegrityException when a layer's digest or uncompressed digest differs from the
   *     manifest or config
   */
  public static void write(ImageSource source, Path target, List<String> repoTags)
      throws IOException, TemperException {
    List<String> names = new ArrayList<>();
    for (String tag : repoTags) {
      names.add(ImageReferences.archiveName(tag));
    }
    ResolvedImage image = source.image();
    List<Digest> diffIds =
        image.config().rootfs() == null ? List.of() : image.config().rootfs().diffIds();
    List<Descriptor> layers = image.manifest().layers();
    if (diffIds.size() != layers.size()) {
      throw new InvalidInputException(
          source.name()
              + ": the manifest lists "
              + layers.size()
              + " layers but the config lists "
              + diffIds.size()
              + " diff IDs");
    }
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temporary = AtomicFiles.temporarySibling(absolute);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          OutputStream file =
              new BufferedOutputStream(
                  java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        List<String> layerNames = writeLayers(source, layers, diffIds, tar, absolute.getParent());
        String configName = image.manifest().config().digest().hex() + ".json";
        addMember(tar, configName, image.configBytes());
        DockerManifestEntry entry = new DockerManifestEntry(configName, names, layerNames);
        addMember(tar, "manifest.json", OciJson.write(List.of(entry)));
        tar.finish();
        tar.flush();
        channel.force(true);
      }
      AtomicFiles.moveAtomically(temporary, absolute);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static List<String> writeLayers(
      ImageSource source,
      List<Descriptor> layers,
      List<Digest> diffIds,
      TarArchiveOutputStream tar,
      Path scratch)
      throws IOException, TemperException {
    List<String> names = new ArrayList<>();
    Set<Digest> written = new HashSet<>();
    for (int i = 0; i < layers.size(); i++) {
      Digest diffId = diffIds.get(i);
      String name = diffId.hex() + "/layer.tar";
      names.add(name);
      if (written.add(diffId)) {
        writeLayer(source, layers.get(i), diffId, name, tar, scratch);
      }
    }
    return List.copyOf(names);
  }

  private static void writeLayer(
      ImageSource source,
      Descriptor layer,
      Digest diffId,
      String name,
      TarArchiveOutputStream tar,
      Path scratch)
      throws IOException, TemperException {
    // A tar header needs the size first, so the uncompressed layer goes to a scratch file.
    AtomicFiles.HashedFile uncompressed;
    try (InputStream blob = source.openBlob(layer)) {
      try {
        InputStream tarBytes = Compression.decompress(new KeepOpen(blob));
        uncompressed = AtomicFiles.copyHashing(tarBytes, scratch, Long.MAX_VALUE);
        blob.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        BlobIntegrityIOException.rethrowIntegrity(e);
        Optional<IntegrityException> mismatch = BlobIntegrityIOException.integrityOfRest(blob);
        if (mismatch.isPresent()) {
          throw mismatch.get();
        }
        throw new InvalidInputException(
            source.name() + ": layer " + layer.digest() + ": cannot decompress: " + e.getMessage(),
            e);
      }
    }
    try {
      if (!uncompressed.digest().equals(diffId)) {
        throw new IntegrityException(
            source.name()
                + ": layer "
                + layer.digest()
                + ": diff ID mismatch, the config lists "
                + diffId
                + " but the layer has "
                + uncompressed.digest());
      }
      addDirectory(tar, diffId.hex() + "/");
      TarArchiveEntry entry = member(name, uncompressed.size());
      tar.putArchiveEntry(entry);
      Files.copy(uncompressed.path(), tar);
      tar.closeArchiveEntry();
    } finally {
      Files.deleteIfExists(uncompressed.path());
    }
  }

  /** Leaves the blob open when the decompressor is dropped, so the rest can still be checked. */
  private static final class KeepOpen extends java.io.FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }

  private static void addMember(TarArchiveOutputStream tar, String name, byte[] bytes)
      throws IOException {
    tar.putArchiveEntry(member(name, bytes.length));
    new ByteArrayInputStream(bytes).transferTo(tar);
    tar.closeArchiveEntry();
  }

  private static void addDirectory(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(040755);
    entry.setModTime(0);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  private static TarArchiveEntry member(String name, long size) {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    entry.setMode(0100644);
    entry.setModTime(0);
    return entry;
  }
}
