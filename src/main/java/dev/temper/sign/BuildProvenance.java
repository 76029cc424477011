package dev.temper.sign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a {@code temper build} as plain values, turned into a SLSA provenance v1 predicate:
 * the spec and the lock with their digests, each InRelease file the package indexes were verified
 * against, and each package with its archive path and SHA-256.
 *
 * @param specName the spec's file name
 * @param specSha256 the lowercase hex SHA-256 of the spec file
 * @param lockName the lock's file name
 * @param lockSha256 the lowercase hex SHA-256 of the lock file
 * @param sourceDateEpoch the time stamped into the image, in seconds since 1970
 * @param releases the verified InRelease files, in lock order
 * @param packages the locked packages, in lock order
 */
public record BuildProvenance(
    String specName,
    String specSha256,
    String lockName,
    String lockSha256,
    long sourceDateEpoch,
    List<Release> releases,
    List<Package> packages) {
  /** The build type: temper's image build from a spec and its lock. */
  public static final String BUILD_TYPE = "https://temper.dev/build/v1";

  /** The builder id that temper records. */
  public static final String BUILDER_ID = "https://temper.dev/temper";

  public BuildProvenance {
    releases = List.copyOf(releases);
    packages = List.copyOf(packages);
  }

  /**
   * One suite's verified InRelease file.
   *
   * @param repository the spec's label of the repository
   * @param suite the suite, such as {@code bookworm-security}
   * @param inReleaseSha256 the lowercase hex SHA-256 of the verified InRelease file
   */
  public record Release(String repository, String suite, String inReleaseSha256) {}

  /**
   * One locked package.
   *
   * @param name the binary package name
   * @param version the version
   * @param architecture the architecture, such as {@code amd64} or {@code all}
   * @param filename the archive path of the .deb, such as {@code pool/main/g/glibc/libc6_...deb}
   * @param sha256 the lowercase hex SHA-256 of the .deb
   * @param repository the spec's label of the repository it came from
   * @param suite the suite whose index listed it
   */
  public record Package(
      String name,
      String version,
      String architecture,
      String filename,
      String sha256,
      String repository,
      String suite) {}

  /** Returns the provenance, with the spec as the external parameter. */
  public SlsaProvenance toSlsa() {
    ObjectNode parameters = Json.MAPPER.createObjectNode();
    ObjectNode spec = parameters.putObject("spec");
    spec.put("name", specName);
    spec.putObject("digest").put("sha256", specSha256);
    parameters.put("sourceDateEpoch", sourceDateEpoch);

    List<SlsaProvenance.Dependency> dependencies = new ArrayList<>();
    dependencies.add(new SlsaProvenance.Dependency(lockName, "", lockSha256));
    for (Release release : releases) {
      dependencies.add(
          new SlsaProvenance.Dependency(
              "dists/" + release.suite() + "/InRelease",
              "",
              release.inReleaseSha256(),
              Map.of("repository", release.repository(), "suite", release.suite())));
    }
    for (Package pin : packages) {
      dependencies.add(
          new SlsaProvenance.Dependency(
              pin.filename(),
              "pkg:deb/debian/"
                  + pin.name()
                  + "@"
                  + encodeVersion(pin.version())
                  + "?arch="
                  + pin.architecture(),
              pin.sha256(),
              Map.of("repository", pin.repository(), "suite", pin.suite())));
    }
    return new SlsaProvenance(BUILD_TYPE, parameters, dependencies, BUILDER_ID);
  }

  /** Percent-encodes the characters of a Debian version that a package URL version cannot hold. */
  private static String encodeVersion(String version) {
    return version.replace("%", "%25").replace(":", "%3A").replace("+", "%2B");
  }
}
