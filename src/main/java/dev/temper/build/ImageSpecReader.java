package dev.temper.build;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.temper.build.ImageSpec.Accounts;
import dev.temper.build.ImageSpec.FileSpec;
import dev.temper.build.ImageSpec.LayerSpec;
import dev.temper.build.ImageSpec.PathSpec;
import dev.temper.build.ImageSpec.PathType;
import dev.temper.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Checks the image fields of a spec and turns them into an {@link ImageSpec}. */
final class ImageSpecReader {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern PORT = Pattern.compile("([0-9]{1,5})(/(tcp|udp|sctp))?");

  private ImageSpecReader() {}

  /**
   * Checks the raw fields.
   *
   * @param where the prefix of every error message, naming the spec file
   * @param directory the spec's directory, against which local paths resolve
   */
  static ImageSpec check(RawImage raw, String where, Path directory) throws InvalidInputException {
    Accounts accounts = AccountsReader.check(raw.accounts, where);
    Set<String> userNames = AccountsReader.userNames(accounts);
    List<PathSpec> paths = new ArrayList<>();
    List<RawPath> rawPaths = orEmpty(raw.paths);
    for (int i = 0; i < rawPaths.size(); i++) {
      paths.add(path(rawPaths.get(i), where + "paths[" + i + "]", userNames));
    }
    paths.sort(Comparator.comparing(PathSpec::path).thenComparing(PathSpec::type));
    List<FileSpec> files = new ArrayList<>();
    List<RawFile> rawFiles = orEmpty(raw.files);
    for (int i = 0; i < rawFiles.size(); i++) {
      files.add(file(rawFiles.get(i), where + "files[" + i + "]", directory, userNames));
    }
    files.sort(Comparator.comparing(FileSpec::destination));
    List<Path> certificates = new ArrayList<>();
    for (String certificate : orEmpty(raw.certificates)) {
      Path local = directory.resolve(certificate).normalize();
      if (!Files.isRegularFile(local)) {
        throw new InvalidInputException(where + "certificates: file not found: " + local);
      }
      certificates.add(local);
    }
    certificates.sort(Comparator.comparing(Path::toString));
    checkArguments(raw.entrypoint, where + "entrypoint");
    checkArguments(raw.cmd, where + "cmd");
    return new ImageSpec(
        accounts,
        paths,
        files,
        certificates,
        raw.entrypoint,
        raw.cmd,
        env(raw.env, where),
        raw.workdir == null ? null : "/" + imagePath(raw.workdir, where + "workdir"),
        strings(raw.labels, where + "labels"),
        ports(raw.ports, where),
        strings(raw.annotations, where + "annotations"),
        patterns(raw.prune, where + "prune"),
        patterns(raw.allowOverwrite, where + "allow-overwrite"),
        layers(raw.layers, where));
  }

  private static PathSpec path(RawPath raw, String where, Set<String> users)
      throws InvalidInputException {
    if (raw.type == null) {
      throw new InvalidInputException(
          where + ": 'type' is missing: use directory, file, symlink or permissions");
    }
    PathType type;
    try {
      type = PathType.valueOf(raw.type.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          where + ": invalid type '" + raw.type + "': use directory, file, symlink or permissions");
    }
    String path = imagePath(raw.path, where + ".path");
    if ((type == PathType.SYMLINK) != (raw.target != null)) {
      throw new InvalidInputException(where + ": 'target' is required for symlinks only");
    }
    if (raw.content != null && type != PathType.FILE) {
      throw new InvalidInputException(where + ": 'content' is allowed for files only");
    }
    if (type == PathType.PERMISSIONS && raw.mode == null && raw.owner == null) {
      throw new InvalidInputException(where + ": permissions needs a 'mode' or an 'owner'");
    }
    String owner = AccountsReader.checkOwner(raw.owner, where + ".owner", users);
    return new PathSpec(path, type, mode(raw.mode, where), owner, raw.target, raw.content);
  }

  private static FileSpec file(RawFile raw, String where, Path directory, Set<String> users)
      throws InvalidInputException {
    if (raw.source == null) {
      throw new InvalidInputException(where + ": 'source' is missing");
    }
    Path source = directory.resolve(raw.source).normalize();
    if (!Files.exists(source)) {
      throw new InvalidInputException(where + ": local file not found: " + source);
    }
    String destination = imagePath(raw.destination, where + ".destination");
    String owner = AccountsReader.checkOwner(raw.owner, where + ".owner", users);
    return new FileSpec(source, destination, owner, mode(raw.mode, where));
  }

  /**
   * Turns an absolute image path into the relative normal form of tree entries.
   *
   * @throws InvalidInputException when the path is missing, relative or not in normal form
   */
  static String imagePath(String path, String where) throws InvalidInputException {
    if (path == null || !path.startsWith("/") || path.equals("/")) {
      throw new InvalidInputException(
          where + ": invalid path '" + path + "': expected an absolute path below /");
    }
    String relative = path.substring(1);
    while (relative.endsWith("/")) {
      relative = relative.substring(0, relative.length() - 1);
    }
    try {
      dev.temper.archive.EntryPaths.requireNormal(relative);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(where + ": invalid path '" + path + "'");
    }
    return relative;
  }

  /** Parses an octal mode such as {@code 0755}; returns null when none is given. */
  static Integer mode(String text, String where) throws InvalidInputException {
    if (text == null) {
      return null;
    }
    if (!text.matches("0?[0-7]{3,4}")) {
      throw new InvalidInputException(
          where + ": invalid mode '" + text + "': expected octal digits such as '0644'");
    }
    int mode = Integer.parseInt(text, 8);
    if (mode > 07777) {
      throw new InvalidInputException(where + ": invalid mode '" + text + "': above 07777");
    }
    return mode;
  }

  private static void checkArguments(List<String> arguments, String where)
      throws InvalidInputException {
    if (arguments != null && arguments.stream().anyMatch(a -> a == null)) {
      throw new InvalidInputException(where + ": empty argument");
    }
  }

  private static Map<String, String> env(Map<String, String> raw, String where)
      throws InvalidInputException {
    Map<String, String> env = strings(raw, where + "env");
    for (String name : env.keySet()) {
      if (!ENV_NAME.matcher(name).matches()) {
        throw new InvalidInputException(where + "env: invalid variable name '" + name + "'");
      }
    }
    return env;
  }

  private static Map<String, String> strings(Map<String, String> raw, String where)
      throws InvalidInputException {
    Map<String, String> values = new TreeMap<>();
    for (Map.Entry<String, String> entry : orEmpty(raw).entrySet()) {
      if (entry.getKey() == null || entry.getKey().isEmpty() || entry.getValue() == null) {
        throw new InvalidInputException(
            where + ": empty key or value for '" + entry.getKey() + "'");
      }
      values.put(entry.getKey(), entry.getValue());
    }
    return values;
  }

  private static List<String> ports(List<String> raw, String where) throws InvalidInputException {
    Set<String> ports = new java.util.TreeSet<>();
    for (String port : orEmpty(raw)) {
      var match = port == null ? null : PORT.matcher(port);
      if (match == null || !match.matches() || !inPortRange(match.group(1))) {
        throw new InvalidInputException(
            where
                + "ports: invalid port '"
                + port
                + "': expected 1-65535, optionally /tcp or /udp");
      }
      ports.add(
          Integer.parseInt(match.group(1))
              + "/"
              + (match.group(3) == null ? "tcp" : match.group(3)));
    }
    return List.copyOf(ports);
  }

  private static boolean inPortRange(String digits) {
    int port = Integer.parseInt(digits);
    return port >= 1 && port <= 65535;
  }

  private static List<String> patterns(List<String> raw, String where)
      throws InvalidInputException {
    Set<String> patterns = new java.util.TreeSet<>();
    for (String pattern : orEmpty(raw)) {
      if (pattern == null || pattern.isBlank()) {
        throw new InvalidInputException(where + ": empty pattern");
      }
      patterns.add(Glob.normalize(pattern));
    }
    return List.copyOf(patterns);
  }

  private static List<LayerSpec> layers(List<RawLayer> raw, String where)
      throws InvalidInputException {
    List<LayerSpec> layers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<RawLayer> entries = orEmpty(raw);
    for (int i = 0; i < entries.size(); i++) {
      RawLayer layer = entries.get(i);
      String at = where + "layers[" + i + "]";
      if (layer.name == null || layer.name.isBlank() || !names.add(layer.name)) {
        throw new InvalidInputException(at + ": 'name' is missing or used twice");
      }
      if (layer.packages == null || layer.packages.isEmpty()) {
        throw new InvalidInputException(at + ": 'packages' must list at least one package");
      }
      layers.add(new LayerSpec(layer.name, layer.packages.stream().sorted().toList()));
    }
    return layers;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }

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
