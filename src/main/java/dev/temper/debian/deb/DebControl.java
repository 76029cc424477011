package dev.temper.debian.deb;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the control member of a {@code .deb} states about the package.
 *
 * @param deb the name of the {@code .deb} as the caller gave it
 * @param controlFile the raw bytes of the {@code control} file
 * @param fields the fields of the {@code control} file in file order, names spelled as there
 * @param md5sums the MD5 of each regular file by its path in normal form, from the {@code md5sums}
 *     file, or computed from the data when the package has none
 * @param md5sumsComputed true when the package had no {@code md5sums} file
 * @param conffiles the absolute paths that {@code conffiles} lists, without their flags
 * @param maintainerScripts the names of the maintainer scripts present, such as {@code postinst};
 *     temper never runs them
 * @param controlFiles the names of every file of the control member, in archive order
 */
public record DebControl(
    String deb,
    byte[] controlFile,
    Map<String, String> fields,
    Map<String, String> md5sums,
    boolean md5sumsComputed,
    List<String> conffiles,
    List<String> maintainerScripts,
    List<String> controlFiles) {

  /** Returns a field's value, looked up without regard to case as deb822 names are. */
  public Optional<String> field(String name) {
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return Optional.of(field.getValue());
      }
    }
    return Optional.empty();
  }

  /** Returns the {@code Package} field, which {@link DebReader} requires. */
  public String packageName() {
    return field("Package").orElseThrow();
  }

  /** Returns the {@code Version} field, which {@link DebReader} requires. */
  public String version() {
    return field("Version").orElseThrow();
  }

  /** Returns the {@code Architecture} field, which {@link DebReader} requires. */
  public String architecture() {
    return field("Architecture").orElseThrow();
  }
}
