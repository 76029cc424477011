package dev.temper.audit.image;

import dev.temper.oci.ImageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the attack-surface checks on what {@link FileFacts} collected and on the image config. Each
 * check has an id, a level, its evidence and a fix, and the Dockle or CIS-DI id where one matches.
 */
public final class ImageAuditor {
  /** Annotation naming the base image, from the OCI image spec's pre-defined annotation keys. */
  static final String BASE_NAME = "org.opencontainers.image.base.name";

  /** Annotation giving the base image's digest. */
  static final String BASE_DIGEST = "org.opencontainers.image.base.digest";

  private ImageAuditor() {}

  /**
   * The image config and attachments the audit checks besides the files.
   *
   * @param config the image config
   * @param annotations the image manifest's annotations
   * @param hasSbom whether an SBOM was found for the image (as a referrer or attestation)
   * @param hasSignature whether a signature was found for the image
   */
  public record Subject(
      ImageConfig config, Map<String, String> annotations, boolean hasSbom, boolean hasSignature) {
    public Subject {
      annotations = Map.copyOf(annotations);
    }
  }

  /**
   * Returns the result of every check, in id order; the package count comes from the SBOM
   * inventory.
   */
  public static List<CheckResult> audit(Subject subject, FileFacts files, int packageCount) {
    List<CheckResult> results = new ArrayList<>();
    results.add(
        check(
            "TA001",
            null,
            Level.FAIL,
            "No shell in the image",
            files.shells,
            "Remove shells: build on a base without them, such as one made by temper build."));
    results.add(
        check(
            "TA002",
            null,
            Level.FAIL,
            "No package manager in the image",
            files.packageManagers,
            "Remove dpkg, apt and other package managers from the final image."));
    results.add(
        check(
            "TA003",
            "CIS-DI-0008",
            Level.FAIL,
            "No setuid or setgid files",
            files.setuid,
            "Clear the setuid and setgid bits (chmod u-s,g-s) or remove the files."));
    results.add(
        check(
            "TA004",
            null,
            Level.WARN,
            "No world-writable files or unsticky directories outside /tmp",
            files.worldWritable,
            "Remove write permission for others (chmod o-w)."));
    results.add(ConfigChecks.user(subject.config()));
    results.add(ConfigChecks.environmentSecrets(subject.config()));
    results.add(ConfigChecks.historySecrets(subject.config()));
    results.add(
        check(
            "TA008",
            "CIS-DI-0010",
            Level.FAIL,
            "No private keys or credential files",
            files.privateKeys,
            "Remove keys and credentials from the image; mount them at run time as secrets."));
    results.addAll(ConfigChecks.base(subject.annotations()));
    results.add(
        presence(
            "TA011",
            null,
            subject.hasSbom(),
            "An SBOM is attached",
            "Attach an SBOM: temper build attaches one to the images it builds; for another"
                + " image, write one with temper sbom IMAGE and attach it with temper attest IMAGE"
                + " --predicate SBOM --type cyclonedx --key cosign.key."));
    results.add(
        presence(
            "TA012",
            "CIS-DI-0005",
            subject.hasSignature(),
            "A signature is attached",
            "Sign the image: temper sign IMAGE --key cosign.key."));
    results.add(AccountChecks.uniqueIds(files.passwd, files.group));
    results.add(AccountChecks.emptyPasswords(files.shadow));
    results.add(
        new CheckResult(
            "TA015",
            "DKL-LI-0003",
            Level.INFO,
            "Package count and size",
            List.of(
                Evidence.config(
                    "rootfs",
                    packageCount
                        + " packages, "
                        + files.fileCount
                        + " files, "
                        + files.fileBytes
                        + " bytes in files")),
            "Keep only what the application needs at run time."));
    return List.copyOf(results);
  }

  static CheckResult check(
      String id,
      String dockleId,
      Level failLevel,
      String title,
      List<Evidence> evidence,
      String fix) {
    Level level = evidence.isEmpty() ? Level.PASS : failLevel;
    return new CheckResult(id, dockleId, level, title, evidence, fix);
  }

  private static CheckResult presence(
      String id, String dockleId, boolean present, String title, String fix) {
    List<Evidence> evidence =
        present ? List.of() : List.of(Evidence.config("referrers", "none found"));
    return new CheckResult(id, dockleId, present ? Level.PASS : Level.WARN, title, evidence, fix);
  }
}
