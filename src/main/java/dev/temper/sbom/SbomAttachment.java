package dev.temper.sbom;

import dev.temper.error.InvalidInputException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageIndex;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.MediaTypes;
import dev.temper.oci.OciJson;
import dev.temper.oci.layout.OciLayoutWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stores an image's SBOM in its OCI layout as an OCI 1.1 artifact: the SBOM is a blob, and an image
 * manifest with an {@code artifactType} and the image manifest as {@code subject} points at it. The
 * artifact manifest is listed in {@code index.json} without a tag name, so tools that resolve tags
 * still see only the image, and {@link #find} lists the SBOMs of an image.
 */
public final class SbomAttachment {
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.US_ASCII);
  private static final String TITLE = "org.opencontainers.image.title";
  private static final String CREATED = "org.opencontainers.image.created";

  private SbomAttachment() {}

  /**
   * Writes the SBOM of an image into the layout that holds it and records it there, under the
   * layout's lock.
   *
   * @param layout the OCI layout directory, with {@code index.json}
   * @param imageManifest the descriptor of the image manifest the SBOM describes
   * @param inventory the image's inventory
   * @param format {@link SbomFormat#SPDX_JSON} or {@link SbomFormat#CYCLONEDX_JSON}
   * @return the descriptor of the artifact manifest, as listed in {@code index.json}
   * @throws InvalidInputException when the layout's index is missing or invalid
   */
  public static Descriptor attach(
      Path layout, Descriptor imageManifest, Inventory inventory, SbomFormat format)
      throws IOException, InvalidInputException {
    readIndex(layout);
    try (OciLayoutWriter writer = OciLayoutWriter.open(layout)) {
      Descriptor manifest = attach(writer, imageManifest, inventory, format);
      writer.commit();
      return manifest;
    }
  }

  /**
   * Writes the SBOM of an image through an open layout writer, as an OCI 1.1 artifact whose subject
   * is the image manifest; it lands with the writer's commit.
   *
   * @return the descriptor of the artifact manifest, as listed in {@code index.json}
   */
  public static Descriptor attach(
      OciLayoutWriter writer, Descriptor imageManifest, Inventory inventory, SbomFormat format)
      throws IOException, InvalidInputException {
    if (format == SbomFormat.TABLE) {
      throw new IllegalArgumentException("only JSON SBOM formats can be attached");
    }
    ByteArrayOutputStream sbom = new ByteArrayOutputStream();
    SbomWriters.write(inventory, format, sbom);
    Descriptor sbomBlob =
        writer
            .writeBlob(format.mediaType(), sbom.toByteArray())
            .withAnnotations(Map.of(TITLE, fileName(format)));
    Descriptor config = writer.writeBlob(MediaTypes.OCI_EMPTY, EMPTY_JSON);
    Descriptor subject =
        Descriptor.of(imageManifest.mediaType(), imageManifest.digest(), imageManifest.size());
    ImageManifest artifact =
        new ImageManifest(
            2,
            MediaTypes.OCI_MANIFEST,
            format.mediaType(),
            config,
            List.of(sbomBlob),
            subject,
            Map.of(CREATED, new DocumentIdentity(inventory).timestamp()));
    return writer.addReferrer(artifact);
  }

  /** Returns the SBOM artifact manifests in the layout whose subject is the given manifest. */
  public static List<Descriptor> find(Path layout, Digest imageManifest)
      throws IOException, InvalidInputException {
    List<Descriptor> found = new ArrayList<>();
    for (Descriptor entry : readIndex(layout).manifests()) {
      if (!isSbomType(entry.artifactType())) {
        continue;
      }
      Path blob = blobPath(layout, entry.digest());
      ImageManifest manifest =
          OciJson.read(Files.readAllBytes(blob), ImageManifest.class, blob.toString());
      if (manifest.subject() != null && manifest.subject().digest().equals(imageManifest)) {
        found.add(entry);
      }
    }
    return found;
  }

  private static boolean isSbomType(String artifactType) {
    return SbomFormat.SPDX_JSON.mediaType().equals(artifactType)
        || SbomFormat.CYCLONEDX_JSON.mediaType().equals(artifactType);
  }

  private static String fileName(SbomFormat format) {
    return format == SbomFormat.SPDX_JSON ? "sbom.spdx.json" : "sbom.cdx.json";
  }

  private static ImageIndex readIndex(Path layout) throws IOException, InvalidInputException {
    Path indexFile = layout.resolve("index.json");
    if (!Files.isRegularFile(indexFile)) {
      throw new InvalidInputException(layout + ": not an OCI layout, index.json is missing");
    }
    if (Files.size(indexFile) > OciJson.MAX_DOCUMENT_BYTES) {
      throw new InvalidInputException(indexFile + ": larger than " + OciJson.MAX_DOCUMENT_BYTES);
    }
    return OciJson.read(Files.readAllBytes(indexFile), ImageIndex.class, indexFile.toString());
  }

  private static Path blobPath(Path layout, Digest digest) {
    return layout.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }
}
