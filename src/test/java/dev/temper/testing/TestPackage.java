package dev.temper.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The description of a binary package that {@link TestArchive} builds into a real {@code .deb} with
 * {@code dpkg-deb --build}. Setters return this package, so a test writes {@code pkg("hello",
 * "1.0-1").depends("libc6 (>= 2.36)").file("/usr/bin/hello", "#!/bin/sh\n")}.
 */
public final class TestPackage {
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();

  private TestPackage(String name, String version) {
    fields.put("Package", name);
    fields.put("Version", version);
    fields.put("Architecture", "amd64");
    fields.put("Maintainer", "Temper Tests <tests@temper.invalid>");
    fields.put("Priority", "optional");
    fields.put("Section", "misc");
  }

  /** Starts the description of package {@code name} at {@code version}, for amd64. */
  public static TestPackage pkg(String name, String version) {
    return new TestPackage(name, version);
  }

  /** Sets the architecture, such as {@code arm64} or {@code all}. */
  public TestPackage arch(String architecture) {
    return field("Architecture", architecture);
  }

  /** Sets the {@code Depends} field. */
  public TestPackage depends(String relations) {
    return field("Depends", relations);
  }

  /** Sets the {@code Pre-Depends} field. */
  public TestPackage preDepends(String relations) {
    return field("Pre-Depends", relations);
  }

  /** Sets the {@code Provides} field. */
  public TestPackage provides(String relations) {
    return field("Provides", relations);
  }

  /** Sets the {@code Conflicts} field. */
  public TestPackage conflicts(String relations) {
    return field("Conflicts", relations);
  }

  /** Sets the {@code Breaks} field. */
  public TestPackage breaks(String relations) {
    return field("Breaks", relations);
  }

  /** Sets the {@code Multi-Arch} field: {@code same}, {@code foreign} or {@code allowed}. */
  public TestPackage multiArch(String value) {
    return field("Multi-Arch", value);
  }

  /** Marks the package {@code Essential: yes}. */
  public TestPackage essential() {
    return field("Essential", "yes");
  }

  /** Sets the {@code Priority} field, {@code optional} unless set. */
  public TestPackage priority(String priority) {
    return field("Priority", priority);
  }

  /** Sets the {@code Source} field, such as {@code glibc} or {@code glibc (2.36-9)}. */
  public TestPackage source(String source) {
    return field("Source", source);
  }

  /** Sets any other control field; the field order of the stanza follows the calls. */
  public TestPackage field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  /** Adds a regular file with mode 0644 to the package content. */
  public TestPackage file(String absolutePath, String content) {
    files.put(absolutePath, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Adds a regular file with mode 0644 and binary content, such as a gzip changelog. */
  public TestPackage file(String absolutePath, byte[] content) {
    files.put(absolutePath, content.clone());
    return this;
  }

  /** Returns the package name. */
  public String name() {
    return fields.get("Package");
  }

  /** Returns the version, with its epoch if it has one. */
  public String version() {
    return fields.get("Version");
  }

  /** Returns the architecture. */
  public String arch() {
    return fields.get("Architecture");
  }

  /** Returns the path of the .deb inside the archive, as the {@code Filename} field gives it. */
  String poolPath(String component) {
    String source = fields.getOrDefault("Source", name()).split(" ")[0];
    String prefix = source.startsWith("lib") ? source.substring(0, 4) : source.substring(0, 1);
    String upstreamAndRevision = version().substring(version().indexOf(':') + 1);
    String file = name() + "_" + upstreamAndRevision + "_" + arch() + ".deb";
    return String.join("/", List.of("pool", component, prefix, source, file));
  }

  /** Returns the control paragraph, without a trailing blank line. */
  String control() {
    StringBuilder control = new StringBuilder();
    fields.forEach((name, value) -> control.append(name).append(": ").append(value).append('\n'));
    control.append("Installed-Size: ").append(installedSizeKib()).append('\n');
    control.append("Description: test package ").append(name()).append('\n');
    control.append(" Built by the temper test fixtures.\n");
    return control.toString();
  }

  /** Builds the .deb with {@code dpkg-deb}, using {@code workDir} for the staging tree. */
  void build(Path deb, Path workDir) throws IOException, InterruptedException {
    Path staging = Files.createTempDirectory(workDir, name());
    Path debian = Files.createDirectories(staging.resolve("DEBIAN"));
    // dpkg-deb rejects a control directory that is not mode 0755 to 0775.
    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(debian, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(debian.resolve("control"), control(), StandardCharsets.UTF_8);
    for (Map.Entry<String, byte[]> entry : files.entrySet()) {
      Path target = staging.resolve(entry.getKey().replaceFirst("^/+", ""));
      Files.createDirectories(target.getParent());
      Files.write(target, entry.getValue());
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    }
    Files.createDirectories(deb.getParent());
    Commands.run(
        workDir,
        Map.of("SOURCE_DATE_EPOCH", "1700000000"),
        List.of("dpkg-deb", "--root-owner-group", "--build", staging.toString(), deb.toString()));
  }

  private long installedSizeKib() {
    long bytes = files.values().stream().mapToLong(content -> content.length).sum();
    return (bytes + 1023) / 1024;
  }
}
