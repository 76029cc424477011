package dev.temper.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The image part of a spec: accounts, extra paths and files, certificates, the run-time config,
 * pruning and layering. Lists whose order carries no meaning are kept sorted, so a spec whose
 * entries are shuffled gives the same image.
 *
 * @param accounts users and groups besides the built-in ones, and the user the image runs as
 * @param paths directories, files, symlinks and permission changes to apply to the root
 * @param files local files and directories copied into the application layer
 * @param certificates extra PEM files added to the CA bundle and the Java trust store
 * @param entrypoint the entrypoint in exec form, or null for none
 * @param cmd the default arguments, or null for none
 * @param env environment variables, sorted by name
 * @param workdir the working directory, or null for {@code /}
 * @param labels config labels, sorted by key
 * @param ports exposed ports in the form {@code 8080/tcp}, sorted
 * @param annotations manifest annotations, sorted by key
 * @param prune glob patterns of paths removed from the root, such as {@code usr/share/locale/**}
 * @param allowOverwrite glob patterns of paths that a later package may overwrite with other
 *     content
 * @param layers package groups, each becoming one layer, in order from the bottom; empty for the
 *     default grouping
 */
public record ImageSpec(
    Accounts accounts,
    List<PathSpec> paths,
    List<FileSpec> files,
    List<Path> certificates,
    List<String> entrypoint,
    List<String> cmd,
    Map<String, String> env,
    String workdir,
    Map<String, String> labels,
    List<String> ports,
    Map<String, String> annotations,
    List<String> prune,
    List<String> allowOverwrite,
    List<LayerSpec> layers) {

  /** The settings of a spec that names none of the image fields. */
  public static final ImageSpec DEFAULTS =
      new ImageSpec(
          Accounts.DEFAULTS,
          List.of(),
          List.of(),
          List.of(),
          null,
          null,
          new TreeMap<>(),
          null,
          new TreeMap<>(),
          List.of(),
          new TreeMap<>(),
          List.of(),
          List.of(),
          List.of());

  public ImageSpec {
    paths = List.copyOf(paths);
    files = List.copyOf(files);
    certificates = List.copyOf(certificates);
    entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
    cmd = cmd == null ? null : List.copyOf(cmd);
    env = sortedCopy(env);
    labels = sortedCopy(labels);
    ports = List.copyOf(ports);
    annotations = sortedCopy(annotations);
    prune = List.copyOf(prune);
    allowOverwrite = List.copyOf(allowOverwrite);
    layers = List.copyOf(layers);
  }

  private static SortedMap<String, String> sortedCopy(Map<String, String> map) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  /**
   * Users and groups added to {@code /etc/passwd} and {@code /etc/group}.
   *
   * @param users extra users, sorted by name
   * @param groups extra groups, sorted by name
   * @param runAs the user the image runs as: a user name or a numeric {@code uid[:gid]}
   */
  public record Accounts(List<User> users, List<Group> groups, String runAs) {
    /** No extra accounts, running as {@code nonroot}. */
    public static final Accounts DEFAULTS = new Accounts(List.of(), List.of(), "nonroot");

    public Accounts {
      users = List.copyOf(users);
      groups = List.copyOf(groups);
    }
  }

  /**
   * A user account.
   *
   * @param name the login name
   * @param uid the user id
   * @param gid the primary group id
   * @param home the home directory, absolute
   * @param shell the login shell, absolute
   */
  public record User(String name, int uid, int gid, String home, String shell) {}

  /**
   * A group.
   *
   * @param name the group name
   * @param gid the group id
   * @param members user names listed as members, sorted
   */
  public record Group(String name, int gid, List<String> members) {
    public Group {
      members = List.copyOf(members);
    }
  }

  /** The kinds of {@link PathSpec}. */
  public enum PathType {
    DIRECTORY,
    FILE,
    SYMLINK,
    /** Changes the mode or owner of a path that exists already. */
    PERMISSIONS
  }

  /**
   * One path to create or change in the root.
   *
   * @param path the path relative to the root, in normal form
   * @param type what to do
   * @param mode the permission bits, or null to keep the existing bits or take the default
   * @param owner the owner as written, {@code uid[:gid]} or a user name, or null for root
   * @param target a symlink's target, else null
   * @param content a file's text, else null
   */
  public record PathSpec(
      String path, PathType type, Integer mode, String owner, String target, String content) {}

  /**
   * A local file or directory copied into the image.
   *
   * @param source the local path, absolute
   * @param destination the path in the image, relative to the root, in normal form
   * @param owner the owner as written, {@code uid[:gid]} or a user name, or null for root
   * @param mode the permission bits of files, or null for 0644 (0755 for executable sources)
   */
  public record FileSpec(Path source, String destination, String owner, Integer mode) {}

  /**
   * A group of packages that becomes one layer.
   *
   * @param name the layer's name, recorded in the image history
   * @param packages glob patterns of package names, such as {@code libc6} or {@code lib*}
   */
  public record LayerSpec(String name, List<String> packages) {
    public LayerSpec {
      packages = List.copyOf(packages);
    }
  }
}
