package dev.temper.oci.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.temper.error.IntegrityException;
import dev.temper.error.InvalidInputException;
import dev.temper.error.NotFoundException;
import dev.temper.error.ParseErrors;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.Platform;
import dev.temper.oci.blob.VerifyingInputStream;
import dev.temper.oci.image.ImageResolver;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ResolvedImage;
import dev.temper.oci.reference.DockerArchiveReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An image in a {@code docker save} archive, read in place: the tar headers are indexed once and
 * members are read at their offsets. The image is presented as a Docker schema 2 manifest built
 * from the archive's {@code manifest.json} entry, whose layer digests are the config's diff IDs for
 * uncompressed layers (as {@code docker save} writes them) or the SHA-256 of the stored bytes for
 * compressed ones.
 */
public final class DockerArchiveSource implements ImageSource {
  private final String name;
  private final FileChannel channel;
  private final Map<Digest, TarIndex.Member> blobs;
  private final ResolvedImage image;
  private final DockerManifestEntry entry;

  private DockerArchiveSource(
      String name,
      FileChannel channel,
      Map<Digest, TarIndex.Member> blobs,
      ResolvedImage image,
      DockerManifestEntry entry) {
    this.name = name;
    this.channel = channel;
    this.blobs = blobs;
    this.image = image;
    this.entry = entry;
  }

  /**
   * Opens the image that a reference names: the one with the {@code RepoTags} name, the one at the
   * index, or the only one.
   *
   * @param platform when not null, the platform the image must be for
   */
  public static DockerArchiveSource open(DockerArchiveReference reference, Platform platform)
      throws IOException, TemperException {
    String name = reference.toString();
    FileChannel channel;
    try {
      channel = FileChannel.open(reference.file(), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new NotFoundException(name + ": no such file", e);
    }
    try {
      DockerArchiveSource source = read(reference, name, channel, platform);
      channel = null;
      return source;
    } finally {
      if (channel != null) {
        channel.close();
      }
    }
  }

  private static DockerArchiveSource read(
      DockerArchiveReference reference, String name, FileChannel channel, Platform platform)
      throws IOException, TemperException {
    ArchiveMagic.requireUncompressedTar(channel, name);
    TarIndex index = TarIndex.read(channel, name);
    List<DockerManifestEntry> entries =
        parseManifestJson(readMember(channel, index, "manifest.json", name), name);
    DockerManifestEntry entry = select(entries, reference, name);

    byte[] configBytes = readMember(channel, index, entry.config(), name);
    Digest configDigest = Digest.sha256(configBytes);
    checkNamedDigest(entry.config(), configDigest, name);
    ImageConfig config = OciJson.read(configBytes, ImageConfig.class, name + ": " + entry.config());
    List<Digest> diffIds = config.rootfs() == null ? List.of() : config.rootfs().diffIds();
    if (diffIds.size() != entry.layers().size()) {
      throw new InvalidInputException(
          name
              + ": the config lists "
              + diffIds.size()
              + " diff IDs but manifest.json lists "
              + entry.layers().size()
              + " layers");
    }

    Map<Digest, TarIndex.Member> blobs = new HashMap<>();
    Descriptor configDescriptor =
        Descriptor.of(MediaTypes.DOCKER_CONFIG, configDigest, configBytes.length);
    blobs.put(configDigest, index.find(entry.config()).orElseThrow());
    List<Descriptor> layers =
        ArchiveLayers.describe(channel, index, entry.layers(), diffIds, blobs, name);
    ImageManifest manifest =
        new ImageManifest(
            2, MediaTypes.DOCKER_MANIFEST, null, configDescriptor, layers, null, Map.of());
    byte[] manifestBytes = OciJson.write(manifest);
    Descriptor root =
        Descriptor.of(
            MediaTypes.DOCKER_MANIFEST, Digest.sha256(manifestBytes), manifestBytes.length);
    Map<Digest, byte[]> documents = Map.of(root.digest(), manifestBytes, configDigest, configBytes);
    ResolvedImage image =
        ImageResolver.resolve(
            name, root, manifestBytes, descriptor -> documents.get(descriptor.digest()), platform);
    return new DockerArchiveSource(name, channel, Map.copyOf(blobs), image, entry);
  }

  private static List<DockerManifestEntry> parseManifestJson(byte[] json, String name)
      throws InvalidInputException {
    try {
      List<DockerManifestEntry> entries =
          OciJson.mapper().readValue(json, new TypeReference<List<DockerManifestEntry>>() {});
      if (entries == null || entries.isEmpty()) {
        throw new InvalidInputException(name + ": manifest.json lists no images");
      }
      for (DockerManifestEntry entry : entries) {
        if (entry.config() == null) {
          throw new InvalidInputException(name + ": a manifest.json entry has no Config");
        }
      }
      return entries;
    } catch (JsonProcessingException e) {
      throw ParseErrors.invalid(name + ": manifest.json", "docker-archive manifest", e);
    } catch (IOException e) {
      throw new InvalidInputException(name + ": cannot read manifest.json: " + e.getMessage(), e);
    }
  }

  private static DockerManifestEntry select(
      List<DockerManifestEntry> entries, DockerArchiveReference reference, String name)
      throws InvalidInputException {
    if (reference.sourceIndex() >= 0) {
      if (reference.sourceIndex() >= entries.size()) {
        throw new NotFoundException(
            name
                + ": no image at index "
                + reference.sourceIndex()
                + ", the archive has "
                + entries.size());
      }
      return entries.get(reference.sourceIndex());
    }
    if (reference.name() != null) {
      return selectByName(entries, reference.name(), name);
    }
    if (entries.size() > 1) {
      throw new InvalidInputException(
          name
              + ": the archive has "
              + entries.size()
              + " images: name one as docker-archive:FILE:NAME:TAG or FILE:@INDEX; names: "
              + allTags(entries));
    }
    return entries.get(0);
  }

  /**
   * Returns the image with the name in its {@code RepoTags}. A name also matches a longer entry
   * that ends with {@code /NAME}, because tools such as skopeo write names with the host and path
   * of their default registry added.
   */
  private static DockerManifestEntry selectByName(
      List<DockerManifestEntry> entries, String wanted, String name) throws InvalidInputException {
    for (DockerManifestEntry entry : entries) {
      if (entry.repoTags().contains(wanted)) {
        return entry;
      }
    }
    List<DockerManifestEntry> suffixMatches =
        entries.stream()
            .filter(entry -> entry.repoTags().stream().anyMatch(tag -> tag.endsWith("/" + wanted)))
            .toList();
    if (suffixMatches.size() == 1) {
      return suffixMatches.get(0);
    }
    if (suffixMatches.size() > 1) {
      throw new InvalidInputException(
          name
              + ": several images have names ending in /"
              + wanted
              + ": "
              + allTags(suffixMatches));
    }
    throw new NotFoundException(
        name + ": no image named " + wanted + "; names: " + allTags(entries));
  }

  private static String allTags(List<DockerManifestEntry> entries) {
    List<String> tags = entries.stream().flatMap(entry -> entry.repoTags().stream()).toList();
    return tags.isEmpty() ? "(none)" : String.join(", ", tags);
  }

  /** Checks that a member named after a digest, as docker names configs, has that digest. */
  static void checkNamedDigest(String member, Digest actual, String name)
      throws IntegrityException {
    String base = member.substring(member.lastIndexOf('/') + 1);
    if (base.endsWith(".json")) {
      base = base.substring(0, base.length() - ".json".length());
    }
    if (base.matches("[0-9a-f]{64}") && !base.equals(actual.hex())) {
      throw IntegrityException.digestMismatch(
          name + ": " + member, "sha256:" + base, actual.toString());
    }
  }

  static byte[] readMember(FileChannel channel, TarIndex index, String member, String name)
      throws IOException, InvalidInputException {
    TarIndex.Member found =
        index
            .find(member)
            .orElseThrow(() -> new NotFoundException(name + ": member " + member + " not found"));
    if (found.size() > OciJson.MAX_DOCUMENT_BYTES) {
      throw new InvalidInputException(
          name
              + ": "
              + member
              + " has "
              + found.size()
              + " bytes, more than the limit of "
              + OciJson.MAX_DOCUMENT_BYTES);
    }
    try (InputStream in = TarIndex.open(channel, found)) {
      byte[] bytes = in.readNBytes((int) found.size());
      if (bytes.length != found.size()) {
        throw new InvalidInputException(name + ": member " + member + " is truncated");
      }
      return bytes;
    }
  }

  /** Returns the archive's {@code manifest.json} entry of this image. */
  public DockerManifestEntry entry() {
    return entry;
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
  public InputStream openBlob(Descriptor descriptor) throws IOException, TemperException {
    TarIndex.Member member = blobs.get(descriptor.digest());
    if (member == null) {
      throw new NotFoundException(name + ": no blob " + descriptor.digest() + " in the archive");
    }
    return new VerifyingInputStream(
        TarIndex.open(channel, member), descriptor, name + " member " + member.name());
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
