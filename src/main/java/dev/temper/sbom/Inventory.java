package dev.temper.sbom;

import java.util.List;

/**
 * What the catalogers found in one image, sorted so the same image always gives the same list.
 *
 * @param subject the image
 * @param os the operating system, or null when the image has no os-release
 * @param debianPackages installed Debian packages, by name then architecture
 * @param javaArchives Java artifacts, by location then coordinates
 * @param javaRuntimes JDKs and JREs, by home directory
 * @param warnings one line per item that could not be read, in the order found
 */
public record Inventory(
    ImageSubject subject,
    OsRelease os,
    List<DebianPackage> debianPackages,
    List<JavaArchive> javaArchives,
    List<JavaRuntime> javaRuntimes,
    List<String> warnings) {

  public Inventory {
    debianPackages = List.copyOf(debianPackages);
    javaArchives = List.copyOf(javaArchives);
    javaRuntimes = List.copyOf(javaRuntimes);
    warnings = List.copyOf(warnings);
  }
}
