package dev.temper.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.temper.debian.RelationParser;
import dev.temper.error.InvalidInputException;
import dev.temper.error.ParseErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads and checks an image spec file. */
public final class SpecLoader {
  /** Spec files larger than this are rejected before parsing. */
  static final long MAX_SPEC_BYTES = 1 << 20;

  /** Rejects duplicate keys, which YAML forbids and which would otherwise let the last one win. */
  private static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(
                      com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature
                          .WRITE_DOC_START_MARKER)
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** Image names: one path segment, as the default output {@code out/NAME} needs. */
  private static final java.util.regex.Pattern IMAGE_NAME =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

  /** Packages kept out of every image unless a spec requests them by name. */
  public static final List<String> DEFAULT_EXCLUDES =
      List.of("apt", "bash", "coreutils", "dash", "dpkg", "perl-base", "util-linux");

  private SpecLoader() {}

  /**
   * Loads a spec.
   *
   * @throws InvalidInputException naming the file and the field when the spec is missing, malformed
   *     or inconsistent
   */
  public static Spec load(Path file) throws InvalidInputException, IOException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          Files.exists(file)
              ? file + ": the spec is not a regular file"
              : "spec not found: " + file);
    }
    if (Files.size(file) > MAX_SPEC_BYTES) {
      throw new InvalidInputException(file + ": spec is larger than " + MAX_SPEC_BYTES + " bytes");
    }
    SpecFile raw;
    try {
      raw = YAML.readValue(file.toFile(), SpecFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidInputException(
          file + ": unknown field '" + e.getPropertyName() + "' at " + location(e), e);
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("No content to map")) {
        throw new InvalidInputException(file + ": spec is empty", e);
      }
      throw ParseErrors.invalid(file, "spec", e);
    } catch (java.io.CharConversionException e) {
      throw new InvalidInputException(file + ": invalid spec: not UTF-8 text", e);
    } catch (JsonProcessingException e) {
      if (notUtf8(e)) {
        throw new InvalidInputException(file + ": invalid spec: not UTF-8 text", e);
      }
      throw ParseErrors.invalid(file, "spec", e);
    }
    if (raw == null) {
      throw new InvalidInputException(file + ": spec is empty");
    }
    Path directory = file.toAbsolutePath().getParent();
    return check(raw, file, directory);
  }

  private static Spec check(SpecFile raw, Path file, Path directory) throws InvalidInputException {
    String name = raw.name != null ? raw.name : stem(file);
    if (!IMAGE_NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          file
              + ": invalid name '"
              + name
              + "': use lower-case letters, digits, '.', '_' and '-', starting with a letter or"
              + " digit, because the name becomes the default output path out/NAME");
    }
    List<String> architectures = orDefault(raw.architectures, List.of("amd64"));
    if (raw.repositories == null || raw.repositories.isEmpty()) {
      throw new InvalidInputException(file + ": 'repositories' must list at least one archive");
    }
    List<Spec.RepositorySpec> repositories = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < raw.repositories.size(); i++) {
      SpecFile.Repository repository = raw.repositories.get(i);
      String where = file + ": repositories[" + i + "]";
      if (repository.suites == null || repository.suites.isEmpty()) {
        throw new InvalidInputException(where + ": 'suites' must list at least one suite");
      }
      String label = repository.name != null ? repository.name : "repository-" + i;
      if (!names.add(label)) {
        throw new InvalidInputException(where + ": duplicate repository name '" + label + "'");
      }
      List<Path> keyrings = new ArrayList<>();
      for (String keyring : orDefault(repository.keyrings, List.<String>of())) {
        keyrings.add(directory.resolve(keyring).normalize());
      }
      repositories.add(
          new Spec.RepositorySpec(
              label,
              repository.url,
              repository.suites,
              orDefault(repository.components, List.of("main")),
              keyrings));
    }
    if (raw.packages == null || raw.packages.isEmpty()) {
      throw new InvalidInputException(file + ": 'packages' must list at least one package");
    }
    List<String> exclude = orDefault(raw.exclude, List.<String>of());
    for (String entry : exclude) {
      checkName(file, "exclude", entry);
    }
    for (String entry : raw.packages) {
      String bare = entry.split("[=:]", 2)[0];
      checkName(file, "packages", bare);
      if (exclude.contains(bare)) {
        throw new InvalidInputException(
            file + ": package '" + bare + "' is both requested and excluded");
      }
    }
    List<String> effectiveExclude = withDefaultExcludes(exclude, raw.packages);
    ImageSpec image = ImageSpecReader.check(raw.image(), file + ": ", directory);
    return new Spec(
        name, architectures, repositories, raw.packages, effectiveExclude, directory, image);
  }

  /**
   * Adds the packages excluded by default, except those the spec requests, so that a shell or a
   * package manager enters an image only when a spec names it.
   */
  static List<String> withDefaultExcludes(List<String> exclude, List<String> requested) {
    Set<String> names = new java.util.TreeSet<>(exclude);
    Set<String> asked = new java.util.HashSet<>();
    for (String entry : requested) {
      asked.add(entry.split("[=:]", 2)[0]);
    }
    for (String name : DEFAULT_EXCLUDES) {
      if (!asked.contains(name)) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  private static void checkName(Path file, String field, String name) throws InvalidInputException {
    try {
      RelationParser.checkPackageName(name == null ? "" : name, field);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(file + ": " + field + ": " + e.getMessage());
    }
  }

  private static <T> List<T> orDefault(List<T> value, List<T> fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static boolean notUtf8(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.io.CharConversionException
          || String.valueOf(t.getMessage()).contains("CharConversionException")) {
        return true;
      }
    }
    return false;
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr();
  }

  /** The spec file as written, before defaults and checks. */
  static final class SpecFile {
    public String name;
    public String description;
    public List<String> architectures;
    public List<Repository> repositories;
    public List<String> packages;
    public List<String> exclude;
    public RawSpecFields.RawAccounts accounts;
    public List<RawSpecFields.RawPath> paths;
    public List<RawSpecFields.RawFile> files;
    public List<String> certificates;
    public List<String> entrypoint;
    public List<String> cmd;
    public java.util.Map<String, String> env;
    public String workdir;
    public java.util.Map<String, String> labels;
    public List<String> ports;
    public java.util.Map<String, String> annotations;
    public List<String> prune;

    @com.fasterxml.jackson.annotation.JsonProperty("allow-overwrite")
    public List<String> allowOverwrite;

    public List<RawSpecFields.RawLayer> layers;

    RawSpecFields.RawImage image() {
      return new RawSpecFields.RawImage(
          accounts,
          paths,
          files,
          certificates,
          entrypoint,
          cmd,
          env,
          workdir,
          labels,
          ports,
          annotations,
          prune,
          allowOverwrite,
          layers);
    }

    static final class Repository {
      public String name;
      public String url;
      public List<String> suites;
      public List<String> components;
      public List<String> keyrings;
    }
  }
}
