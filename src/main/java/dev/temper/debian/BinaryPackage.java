package dev.temper.debian;

import java.util.List;
import java.util.Objects;

/**
 * One binary package stanza of a Packages index, with the fields that resolving, locking and
 * downloading need. Relationship fields are kept as text and parsed on first use, because a full
 * index has tens of thousands of stanzas and a resolve touches a few hundred.
 */
public final class BinaryPackage {
  private final String name;
  private final Version version;
  private final String architecture;
  private final MultiArch multiArch;
  private final boolean essential;
  private final String priority;
  private final String section;
  private final String sourceName;
  private final Version sourceVersion;
  private final long installedSizeKib;
  private final String filename;
  private final long size;
  private final String sha256;
  private final PackageOrigin origin;
  private final Fields relationFields;

  private volatile List<Dependency> depends;
  private volatile List<Dependency> preDepends;
  private volatile List<Relation> provides;
  private volatile List<Relation> breaks;
  private volatile List<Relation> conflicts;

  /** Raw text of the relationship fields, any of which may be null. */
  public record Fields(
      String depends, String preDepends, String provides, String breaks, String conflicts) {
    /** Fields of a package with no relationships. */
    public static final Fields NONE = new Fields(null, null, null, null, null);
  }

  /**
   * Creates a package.
   *
   * @param sourceName the source package, which is the binary name when the stanza has no {@code
   *     Source} field
   * @param sourceVersion the source version, which is the binary version unless {@code Source}
   *     gives one in parentheses
   */
  public BinaryPackage(
      String name,
      Version version,
      String architecture,
      MultiArch multiArch,
      boolean essential,
      String priority,
      String section,
      String sourceName,
      Version sourceVersion,
      long installedSizeKib,
      String filename,
      long size,
      String sha256,
      PackageOrigin origin,
      Fields relationFields) {
    this.name = Objects.requireNonNull(name, "name");
    this.version = Objects.requireNonNull(version, "version");
    this.architecture = Objects.requireNonNull(architecture, "architecture");
    this.multiArch = Objects.requireNonNull(multiArch, "multiArch");
    this.essential = essential;
    this.priority = priority;
    this.section = section;
    this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
    this.sourceVersion = Objects.requireNonNull(sourceVersion, "sourceVersion");
    this.installedSizeKib = installedSizeKib;
    this.filename = filename;
    this.size = size;
    this.sha256 = sha256;
    this.origin = origin;
    this.relationFields = Objects.requireNonNull(relationFields, "relationFields");
  }

  /** Returns the package name. */
  public String name() {
    return name;
  }

  /** Returns the package version. */
  public Version version() {
    return version;
  }

  /** Returns the architecture, such as {@code amd64} or {@code all}. */
  public String architecture() {
    return architecture;
  }

  /** Returns the {@code Multi-Arch} value, {@link MultiArch#NO} when the field is absent. */
  public MultiArch multiArch() {
    return multiArch;
  }

  /** Returns whether the stanza says {@code Essential: yes}. */
  public boolean essential() {
    return essential;
  }

  /** Returns the priority, such as {@code required} or {@code optional}, or null. */
  public String priority() {
    return priority;
  }

  /** Returns the section, such as {@code libs}, or null. */
  public String section() {
    return section;
  }

  /** Returns the source package name. */
  public String sourceName() {
    return sourceName;
  }

  /** Returns the source package version. */
  public Version sourceVersion() {
    return sourceVersion;
  }

  /** Returns {@code Installed-Size} in KiB, 0 when the field is absent. */
  public long installedSizeKib() {
    return installedSizeKib;
  }

  /** Returns the path of the .deb relative to the archive root, such as {@code pool/main/...}. */
  public String filename() {
    return filename;
  }

  /** Returns the size of the .deb in bytes. */
  public long size() {
    return size;
  }

  /** Returns the SHA-256 of the .deb, in lower-case hex. */
  public String sha256() {
    return sha256;
  }

  /** Returns the index this stanza came from, or null for packages made in memory. */
  public PackageOrigin origin() {
    return origin;
  }

  /** Returns the raw relationship fields. */
  public Fields relationFields() {
    return relationFields;
  }

  /** Returns the parsed {@code Depends} field. */
  public List<Dependency> depends() {
    List<Dependency> value = depends;
    if (value == null) {
      value = List.copyOf(parseDependencies("Depends", relationFields.depends()));
      depends = value;
    }
    return value;
  }

  /** Returns the parsed {@code Pre-Depends} field. */
  public List<Dependency> preDepends() {
    List<Dependency> value = preDepends;
    if (value == null) {
      value = List.copyOf(parseDependencies("Pre-Depends", relationFields.preDepends()));
      preDepends = value;
    }
    return value;
  }

  /** Returns the parsed {@code Provides} field. */
  public List<Relation> provides() {
    List<Relation> value = provides;
    if (value == null) {
      value = List.copyOf(parseRelations("Provides", relationFields.provides()));
      provides = value;
    }
    return value;
  }

  /** Returns the parsed {@code Breaks} field. */
  public List<Relation> breaks() {
    List<Relation> value = breaks;
    if (value == null) {
      value = List.copyOf(parseRelations("Breaks", relationFields.breaks()));
      breaks = value;
    }
    return value;
  }

  /** Returns the parsed {@code Conflicts} field. */
  public List<Relation> conflicts() {
    List<Relation> value = conflicts;
    if (value == null) {
      value = List.copyOf(parseRelations("Conflicts", relationFields.conflicts()));
      conflicts = value;
    }
    return value;
  }

  private List<Dependency> parseDependencies(String field, String text) {
    try {
      return RelationParser.parseDependencies(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(describe() + ": invalid " + field + ": " + e.getMessage());
    }
  }

  private List<Relation> parseRelations(String field, String text) {
    try {
      return RelationParser.parseRelations(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(describe() + ": invalid " + field + ": " + e.getMessage());
    }
  }

  /** Returns {@code name=version:arch}, which names this package in messages. */
  public String describe() {
    return name + "=" + version + ":" + architecture;
  }

  @Override
  public String toString() {
    return describe();
  }
}
