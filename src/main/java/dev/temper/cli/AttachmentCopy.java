package dev.temper.cli;

import dev.temper.cache.ContentCache;
import dev.temper.error.TemperException;
import dev.temper.registry.Registries;
import dev.temper.registry.transfer.CopyResult;
import dev.temper.sign.Attachments;
import dev.temper.sign.BlobDescriptor;
import dev.temper.sign.SignTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The step of {@code copy}, {@code pull} and {@code push} with {@code --attachments}, and of {@code
 * build --push}, after the image is copied: copies its signatures, attestations and referrers too.
 */
final class AttachmentCopy {
  private AttachmentCopy() {}

  /**
   * Copies what is attached to the copied root and to each platform manifest of a copied index.
   *
   * @param source the image that was copied, {@code oci:DIR[:TAG]} or a registry reference
   */
  static Attachments.Copied run(
      String source, CopyResult copied, Registries registries, ContentCache cache)
      throws IOException, TemperException {
    SignTarget from = SignTarget.open(source, registries, cache);
    SignTarget to = SignTarget.open(copied.destination(), registries, cache);
    List<String> subjects = new ArrayList<>();
    subjects.add(copied.root().digest().toString());
    for (BlobDescriptor platform : to.platformManifests()) {
      subjects.add(platform.digest());
    }
    return Attachments.copy(from.store(), to.store(), subjects);
  }

  /**
   * Describes what was copied, such as {@code 1 signature or attestation manifest, 2 referrers, 0
   * already present}.
   */
  static String describe(Attachments.Copied copied) {
    return count(copied.tagged(), "signature or attestation manifest")
        + ", "
        + count(copied.referrers(), "referrer")
        + ", "
        + copied.present()
        + " already present";
  }

  private static String count(int number, String noun) {
    return number + " " + noun + (number == 1 ? "" : "s");
  }
}
