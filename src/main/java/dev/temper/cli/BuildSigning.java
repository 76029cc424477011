package dev.temper.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.temper.build.BuildResult;
import dev.temper.build.Lock;
import dev.temper.build.LockFiles;
import dev.temper.error.IntegrityException;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.OciJson;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ImageSources;
import dev.temper.sbom.ImageInventory;
import dev.temper.sbom.SbomFormat;
import dev.temper.sbom.SbomWriters;
import dev.temper.sign.BlobDescriptor;
import dev.temper.sign.BuildProvenance;
import dev.temper.sign.ImageSigning;
import dev.temper.sign.InTotoStatement;
import dev.temper.sign.SignTarget;
import dev.temper.sign.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The step of {@code temper build --sign-key} after the image is written: signs the image in its
 * layout, attests each platform's CycloneDX SBOM and attests the SLSA provenance of the build.
 */
final class BuildSigning {
  private BuildSigning() {}

  /**
   * Signs and attests the built image in the layout named {@code layoutImage}, {@code oci:DIR:TAG}.
   * An index is signed with each of its platform manifests.
   */
  static void signAndAttest(
      BuildResult result, Path specFile, String layoutImage, SigningKey key, PrintWriter out)
      throws IOException, TemperException {
    SignTarget target = SignTarget.openLayout(layoutImage);
    String reference = result.name();
    for (ImageSigning.Signed signed :
        ImageSigning.sign(target, reference, Map.of(), key, true, false)) {
      out.println("signed    " + signed.digest() + " as " + signed.attached().tag());
    }

    String cyclonedx = InTotoStatement.predicateTypeFor("cyclonedx");
    for (BuildResult.Platform platform : result.platforms()) {
      JsonNode sbom = sbom(layoutImage, platform.manifest());
      SignTarget manifest = target.withManifest(blobDescriptor(platform.manifest()));
      ImageSigning.attest(manifest, reference, cyclonedx, sbom, key, false);
      out.println("attested  " + platform.manifest().digest() + " " + cyclonedx);
    }

    JsonNode provenance = provenance(result, specFile).toSlsa().toPredicate();
    String slsa = InTotoStatement.predicateTypeFor("slsaprovenance");
    ImageSigning.attest(target, reference, slsa, provenance, key, false);
    out.println("attested  " + target.digest() + " " + slsa);
  }

  /** Inventories one platform's image from the layout and returns its CycloneDX document. */
  private static JsonNode sbom(String layoutImage, Descriptor manifest)
      throws IOException, TemperException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageSource source = ImageSources.localOnly().open(layoutImage, manifest.platform())) {
      Digest opened = source.image().manifestDescriptor().digest();
      if (!opened.equals(manifest.digest())) {
        throw new IntegrityException(
            layoutImage + " opened " + opened + " instead of the built " + manifest.digest());
      }
      SbomWriters.write(ImageInventory.of(source), SbomFormat.CYCLONEDX_JSON, bytes);
    }
    return OciJson.mapper().readTree(bytes.toByteArray());
  }

  private static BuildProvenance provenance(BuildResult result, Path specFile)
      throws IOException, TemperException {
    byte[] lockBytes = Files.readAllBytes(result.lockFile());
    Lock lock = LockFiles.read(result.lockFile());
    return new BuildProvenance(
        specFile.getFileName().toString(),
        Digest.sha256(Files.readAllBytes(specFile)).hex(),
        result.lockFile().getFileName().toString(),
        Digest.sha256(lockBytes).hex(),
        result.sourceDateEpoch(),
        lock.repositories().stream()
            .map(r -> new BuildProvenance.Release(r.name(), r.suite(), r.inReleaseSha256()))
            .toList(),
        lock.packages().stream()
            .map(
                p ->
                    new BuildProvenance.Package(
                        p.name(),
                        p.version(),
                        p.architecture(),
                        p.filename(),
                        p.sha256(),
                        p.repository(),
                        p.suite()))
            .toList());
  }

  private static BlobDescriptor blobDescriptor(Descriptor descriptor) {
    return new BlobDescriptor(
        descriptor.mediaType(), descriptor.digest().toString(), descriptor.size(), Map.of());
  }
}
