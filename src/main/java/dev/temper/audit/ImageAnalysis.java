package dev.temper.audit;

import dev.temper.audit.image.CheckResult;
import dev.temper.audit.image.FileFacts;
import dev.temper.audit.image.ImageAuditor;
import dev.temper.audit.image.TeeVisitor;
import dev.temper.error.TemperException;
import dev.temper.oci.Descriptor;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.ImageManifest;
import dev.temper.oci.image.ImageFiles;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ResolvedImage;
import dev.temper.oci.image.WalkOptions;
import dev.temper.oci.layout.OciLayout;
import dev.temper.oci.layout.OciLayoutSource;
import dev.temper.registry.RegistryClient;
import dev.temper.registry.RegistryException;
import dev.temper.registry.transfer.RegistryImageSource;
import dev.temper.sbom.ImageInventory;
import dev.temper.sbom.Inventory;
import dev.temper.sbom.InventoryCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything temper reports about one image, gathered in one pass over its layers: the audit
 * results and the SBOM inventory, plus size and layer counts from the manifest.
 *
 * @param name the image as named by the user
 * @param digest the manifest digest, or null for a {@code dir:} root file system
 * @param compressedSize the sum of the layer blob sizes, 0 for a root file system
 * @param layerCount the number of layers
 * @param audit the audit results
 * @param inventory the SBOM inventory
 * @param warnings entries the walk skipped and items that could not be read
 */
public record ImageAnalysis(
    String name,
    String digest,
    long compressedSize,
    int layerCount,
    List<CheckResult> audit,
    Inventory inventory,
    List<String> warnings) {

  public ImageAnalysis {
    audit = List.copyOf(audit);
    warnings = List.copyOf(warnings);
  }

  /** Reads the image once and runs the audit checks and the catalogers over it. */
  public static ImageAnalysis of(ImageSource source) throws IOException, TemperException {
    FileFacts facts = new FileFacts();
    InventoryCollector collector = new InventoryCollector();
    List<String> warnings = new ArrayList<>();
    WalkOptions options =
        WalkOptions.DEFAULT.withWarnings(
            w -> warnings.add("skipped entry '" + w.path() + "': " + w.problem()));
    ImageFiles.walk(source, new TeeVisitor(collector, facts), options);

    boolean rootfs = source.rootfsDirectory().isPresent();
    ResolvedImage image = rootfs ? null : source.image();
    ImageConfig config = rootfs ? emptyConfig() : image.config();
    ImageManifest manifest = rootfs ? null : image.manifest();
    String digest = rootfs ? null : image.manifestDescriptor().digest().toString();
    Inventory inventory = collector.finish(ImageInventory.subject(source));
    warnings.addAll(inventory.warnings());

    Attachments attachments = rootfs ? Attachments.NONE : Attachments.find(source, image);
    Map<String, String> annotations = manifest == null ? Map.of() : manifest.annotations();
    List<CheckResult> audit =
        ImageAuditor.audit(
            new ImageAuditor.Subject(
                config, annotations, attachments.sbom(), attachments.signature()),
            facts,
            inventory.debianPackages().size());
    long size = manifest == null ? 0 : manifest.layers().stream().mapToLong(Descriptor::size).sum();
    int layers = manifest == null ? 0 : manifest.layers().size();
    return new ImageAnalysis(source.name(), digest, size, layers, audit, inventory, warnings);
  }

  private static ImageConfig emptyConfig() {
    return new ImageConfig(null, null, null, null, null, null, null, List.of());
  }

  /** Whether an SBOM and a signature are stored with the image. */
  record Attachments(boolean sbom, boolean signature) {
    static final Attachments NONE = new Attachments(false, false);

    /**
     * Looks for the image's attachments where its source keeps them: the referrers and the cosign
     * {@code sha256-<hex>.sig} and {@code .att} tags of an OCI layout or a registry repository.
     */
    static Attachments find(ImageSource source, ResolvedImage image)
        throws IOException, TemperException {
      Digest digest = image.manifestDescriptor().digest();
      String signatureTag = digest.tagForm() + ".sig";
      String attestationTag = digest.tagForm() + ".att";
      if (source instanceof OciLayoutSource layoutSource) {
        OciLayout layout = layoutSource.layout();
        return classify(
            layout.referrers(digest),
            layout.tags().contains(signatureTag),
            layout.tags().contains(attestationTag));
      }
      if (source instanceof RegistryImageSource registrySource) {
        RegistryClient client = registrySource.client();
        return classify(
            client.listReferrers(digest),
            hasTag(client, signatureTag),
            hasTag(client, attestationTag));
      }
      // A docker archive has no place for attachments.
      return NONE;
    }

    private static Attachments classify(
        List<Descriptor> referrers, boolean signatureTag, boolean attestationTag) {
      boolean sbom = attestationTag;
      boolean signature = signatureTag;
      for (Descriptor referrer : referrers) {
        String type = referrer.artifactType() == null ? "" : referrer.artifactType();
        sbom |= type.contains("spdx") || type.contains("cyclonedx");
        signature |= type.contains("sigstore.bundle");
      }
      return new Attachments(sbom, signature);
    }

    private static boolean hasTag(RegistryClient client, String tag)
        throws IOException, TemperException {
      try {
        client.resolve(tag);
        return true;
      } catch (RegistryException e) {
        if (e.reason() == RegistryException.Reason.NOT_FOUND) {
          return false;
        }
        throw e;
      }
    }
  }
}
