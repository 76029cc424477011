package dev.temper.build;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The contents of {@code SPEC.lock.json}: every resolved package pinned by version and SHA-256, and
 * the signed releases they came from. The lock names repositories by their spec label, not by
 * mirror URL, so one lock works with any mirror that serves the same files.
 *
 * @param lockVersion the format version of this file
 * @param inputs SHA-256 of the spec fields that decide the resolution, to detect a stale lock
 * @param requested the package requests of the spec, as written
 * @param exclude the spec's exclude list
 * @param architectures the target architectures
 * @param repositories one entry per suite read, with the digest of its verified InRelease
 * @param packages the resolved packages, sorted by name and architecture
 */
@JsonPropertyOrder({
  "lockVersion",
  "inputs",
  "requested",
  "exclude",
  "architectures",
  "repositories",
  "packages"
})
public record Lock(
    int lockVersion,
    String inputs,
    List<String> requested,
    List<String> exclude,
    List<String> architectures,
    List<Repository> repositories,
    List<Package> packages) {

  /** The format version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /**
   * One suite of one spec repository.
   *
   * @param name the repository label from the spec
   * @param url the archive root when the spec gives one; null when it came from the environment or
   *     the host, so that no mirror host lands in the lock
   * @param suite the suite
   * @param codename the codename from the Release file, such as {@code bookworm}
   * @param date the Release file's {@code Date}, in ISO 8601
   * @param inReleaseSha256 SHA-256 of the InRelease file whose signature was verified
   * @param signedBy fingerprints of the keys whose signatures verified
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "url", "suite", "codename", "date", "inReleaseSha256", "signedBy"})
  public record Repository(
      String name,
      String url,
      String suite,
      String codename,
      String date,
      String inReleaseSha256,
      List<String> signedBy) {}

  /**
   * One pinned binary package.
   *
   * @param repository the spec label of the repository it came from
   * @param suite the suite whose index listed it
   * @param filename the archive path of the .deb
   * @param size the .deb size in bytes
   * @param sha256 the .deb SHA-256, from the verified index
   * @param essential whether the package is {@code Essential: yes}; written only when true
   */
  @JsonPropertyOrder({
    "name",
    "version",
    "architecture",
    "source",
    "sourceVersion",
    "repository",
    "suite",
    "filename",
    "size",
    "sha256",
    "essential"
  })
  public record Package(
      String name,
      String version,
      String architecture,
      String source,
      String sourceVersion,
      String repository,
      String suite,
      String filename,
      long size,
      String sha256,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean essential) {}
}
