package dev.temper.debian.repository;

import dev.temper.error.InvalidInputException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a Debian Release file that temper uses. Text fields that the file lacks are null.
 *
 * @param origin the {@code Origin} field, such as {@code Debian}
 * @param label the {@code Label} field
 * @param suite the {@code Suite} field, such as {@code stable}
 * @param codename the {@code Codename} field, such as {@code bookworm}
 * @param version the {@code Version} field, such as {@code 12.5}
 * @param date when the archive generated the file
 * @param validUntil after this instant the file is expired, when the file sets {@code Valid-Until}
 * @param architectures the {@code Architectures} field, split on whitespace
 * @param components the {@code Components} field, split on whitespace
 * @param acquireByHash whether indices are also published under {@code by-hash/SHA256/}
 * @param notAutomatic whether apt installs from this archive only on request
 * @param butAutomaticUpgrades whether apt still upgrades installed packages from a {@code
 *     NotAutomatic} archive
 * @param sha256Entries the {@code SHA256} list, keyed by path relative to the suite directory
 */
public record ReleaseFile(
    String origin,
    String label,
    String suite,
    String codename,
    String version,
    Instant date,
    Optional<Instant> validUntil,
    List<String> architectures,
    List<String> components,
    boolean acquireByHash,
    boolean notAutomatic,
    boolean butAutomaticUpgrades,
    Map<String, FileEntry> sha256Entries) {

  /**
   * One line of the {@code SHA256} list.
   *
   * @param path the file path relative to the suite directory, such as {@code
   *     main/binary-amd64/Packages.xz}
   * @param size the file size in bytes
   * @param sha256 the SHA-256 of the file, in lower-case hex
   */
  public record FileEntry(String path, long size, String sha256) {}

  /** Copies the lists and keeps the order of the {@code SHA256} entries. */
  public ReleaseFile {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(validUntil, "validUntil");
    architectures = List.copyOf(architectures);
    components = List.copyOf(components);
    sha256Entries = Collections.unmodifiableMap(new LinkedHashMap<>(sha256Entries));
  }

  /**
   * Parses the text of a Release file, or the signed text of an InRelease file.
   *
   * @param displayName names the file in error messages, such as {@code bookworm InRelease}
   * @throws InvalidInputException naming the file when a field is missing or malformed, including a
   *     missing {@code SHA256} list, a hash that is not 64 hex digits, or an invalid size
   */
  public static ReleaseFile parse(String text, String displayName) throws InvalidInputException {
    return ReleaseParser.parse(text, displayName);
  }

  /** Returns the {@code SHA256} entry for a path relative to the suite directory. */
  public Optional<FileEntry> sha256Entry(String path) {
    return Optional.ofNullable(sha256Entries.get(path));
  }

  /** Returns whether {@code name} equals the {@code Suite} or the {@code Codename} field. */
  public boolean hasSuiteOrCodename(String name) {
    return name.equals(suite) || name.equals(codename);
  }
}
