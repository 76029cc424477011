package dev.temper.sign;

import dev.temper.cache.ContentCache;
import dev.temper.error.InvalidInputException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.registry.BlobSource;
import dev.temper.registry.PulledManifest;
import dev.temper.registry.RegistryClient;
import dev.temper.registry.RegistryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A registry repository as an artifact store. Referrers are listed through the referrers API, or
 * through the {@code sha256-<hex>} index tag of the distribution spec's fallback scheme when the
 * registry does not offer the API; a referrer written here is added to that index when the
 * registry's listing does not show it after the push.
 *
 * <p>NOTE: the fallback index is read, extended and pushed again without a lock, so two clients
 * that attach referrers to the same image at the same moment can lose one of the entries. The same
 * holds for the layers of a {@code .sig} or {@code .att} manifest, because a registry offers no
 * lock for {@link #exclusively} to take.
 */
final class RegistryStore implements ArtifactStore {
  private static final String OCTET_STREAM = "application/octet-stream";

  private final RegistryClient client;
  private final ContentCache cache;

  RegistryStore(RegistryClient client, ContentCache cache) {
    this.client = client;
    this.cache = cache;
  }

  @Override
  public Optional<byte[]> readBlob(String digest, long maxBytes)
      throws IOException, TemperException {
    Digest parsed = Digest.parse(prefixed(digest));
    OptionalLong size = client.blobSize(parsed);
    if (size.isEmpty()) {
      return Optional.empty();
    }
    if (size.getAsLong() < 0) {
      throw new InvalidInputException(
          client.repository() + ": the registry announced no size for blob " + digest);
    }
    if (size.getAsLong() > maxBytes) {
      throw new InvalidInputException(
          client.repository()
              + ": blob "
              + digest
              + " is "
              + size.getAsLong()
              + " bytes, larger than the maximum of "
              + maxBytes);
    }
    Path file = client.pullBlob(Descriptor.of(OCTET_STREAM, parsed, size.getAsLong()), cache);
    return Optional.of(Files.readAllBytes(file));
  }

  @Override
  public Optional<byte[]> readManifest(String digest, long maxBytes)
      throws IOException, TemperException {
    Optional<PulledManifest> pulled = pull(prefixed(digest));
    if (pulled.isPresent() && pulled.get().bytes().length > maxBytes) {
      throw new InvalidInputException(
          client.repository() + ": manifest " + digest + " is larger than " + maxBytes + " bytes");
    }
    return pulled.map(PulledManifest::bytes);
  }

  @Override
  public String writeBlob(byte[] content) throws IOException, TemperException {
    Digest digest = Digest.sha256(content);
    client.pushBlob(
        Descriptor.of(OCTET_STREAM, digest, content.length),
        BlobSource.ofBytes(content),
        Optional.empty());
    return digest.toString();
  }

  @Override
  public BlobDescriptor writeManifest(byte[] manifest, String mediaType, String tag)
      throws IOException, TemperException {
    Digest digest = client.pushManifest(manifest, mediaType, tag);
    return new BlobDescriptor(mediaType, digest.toString(), manifest.length, Map.of());
  }

  @Override
  public BlobDescriptor writeReferrer(
      byte[] manifest, String mediaType, String artifactType, String subjectDigest)
      throws IOException, TemperException {
    Digest subject = Digest.parse(prefixed(subjectDigest));
    Digest digest = Digest.sha256(manifest);
    client.pushManifest(manifest, mediaType, digest.toString());
    Descriptor entry =
        Descriptor.of(mediaType, digest, manifest.length).withArtifactType(artifactType);
    boolean listed =
        client.listReferrers(subject).stream().anyMatch(d -> d.digest().equals(digest));
    if (!listed) {
      addToFallbackIndex(subject, entry);
    }
    return new BlobDescriptor(mediaType, digest.toString(), manifest.length, Map.of());
  }

  /** Adds {@code entry} to the index tagged {@code sha256-<hex>}, creating it when missing. */
  private void addToFallbackIndex(Digest subject, Descriptor entry)
      throws IOException, TemperException {
    String tag = subject.tagForm();
    List<Descriptor> manifests = new ArrayList<>();
    Optional<PulledManifest> existing = pull(tag);
    if (existing.isPresent()) {
      if (!MediaTypes.OCI_INDEX.equals(existing.get().mediaType())) {
        throw new InvalidInputException(
            client.repository()
                + ":"
                + tag
                + " is a "
                + existing.get().mediaType()
                + ", not the OCI index of the referrers tag scheme");
      }
      manifests.addAll(
          OciJson.read(existing.get().bytes(), ImageIndex.class, client.repository() + ":" + tag)
              .manifests());
    }
    manifests.add(entry);
    byte[] index = OciJson.write(ImageIndex.oci(manifests, Map.of()));
    client.pushManifest(index, MediaTypes.OCI_INDEX, tag);
  }

  @Override
  public Optional<BlobDescriptor> resolveTag(String tag) throws IOException, TemperException {
    return pull(tag)
        .map(
            m ->
                new BlobDescriptor(
                    m.mediaType(), m.digest().toString(), m.bytes().length, Map.of()));
  }

  @Override
  public List<BlobDescriptor> referrers(String digest) throws IOException, TemperException {
    List<BlobDescriptor> referrers = new ArrayList<>();
    for (Descriptor referrer : client.listReferrers(Digest.parse(prefixed(digest)))) {
      referrers.add(
          new BlobDescriptor(
              referrer.mediaType(),
              referrer.digest().toString(),
              referrer.size(),
              referrer.annotations()));
    }
    return List.copyOf(referrers);
  }

  @Override
  public List<BlobDescriptor> manifests() throws IOException, TemperException {
    List<BlobDescriptor> manifests = new ArrayList<>();
    for (String tag : client.listTags()) {
      Optional<BlobDescriptor> resolved = resolveTag(tag);
      if (resolved.isPresent()) {
        BlobDescriptor found = resolved.get();
        manifests.add(
            new BlobDescriptor(
                found.mediaType(),
                found.digest(),
                found.size(),
                Map.of(LayoutStore.REF_NAME, tag)));
      }
    }
    return List.copyOf(manifests);
  }

  private Optional<PulledManifest> pull(String reference) throws IOException, RegistryException {
    try {
      return Optional.of(client.pullManifest(reference));
    } catch (RegistryException e) {
      if (e.reason() == RegistryException.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Checks a {@code sha256:<hex>} digest, so that nothing else reaches a request path. */
  private static String prefixed(String digest) throws InvalidInputException {
    return "sha256:" + Digests.hex(digest);
  }
}
