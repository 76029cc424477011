package dev.temper.build;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The image fields of a spec file as Jackson reads them, before {@link ImageSpecReader} checks
 * them.
 */
final class RawSpecFields {
  private RawSpecFields() {}

  /** The image fields of a spec file as written. */
  record RawImage(
      RawAccounts accounts,
      List<RawPath> paths,
      List<RawFile> files,
      List<String> certificates,
      List<String> entrypoint,
      List<String> cmd,
      Map<String, String> env,
      String workdir,
      Map<String, String> labels,
      List<String> ports,
      Map<String, String> annotations,
      List<String> prune,
      List<String> allowOverwrite,
      List<RawLayer> layers) {}

  /** {@code accounts:} as written. */
  static final class RawAccounts {
    public List<RawUser> users;
    public List<RawGroup> groups;

    @JsonProperty("run-as")
    public String runAs;
  }

  /** One entry of {@code accounts.users}. */
  static final class RawUser {
    public String name;
    public Integer uid;
    public Integer gid;
    public String home;
    public String shell;
  }

  /** One entry of {@code accounts.groups}. */
  static final class RawGroup {
    public String name;
    public Integer gid;
    public List<String> members;
  }

  /** One entry of {@code paths}. */
  static final class RawPath {
    public String path;
    public String type;
    public String mode;
    public String owner;
    public String target;
    public String content;
  }

  /** One entry of {@code files}. */
  static final class RawFile {
    public String source;
    public String destination;
    public String owner;
    public String mode;
  }

  /** One entry of {@code layers}. */
  static final class RawLayer {
    public String name;
    public List<String> packages;
  }
}
