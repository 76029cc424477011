package dev.temper.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.debian.repository.MirrorResolver;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Inventories a real Debian 12 root file system made by debootstrap (minbase plus a headless JRE
 * and curl) and compares the package list with what dpkg-query reads from it. One debootstrap
 * serves every test of the class.
 */
@Tag("archive")
class DebootstrapImageTest {
  private static Path work;
  private static Path rootfs;
  private static Inventory inventory;

  static String run(long timeoutMinutes, String... command) throws Exception {
    Path output = Files.createTempFile(work, "command", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", command));
    }
    String text = Files.readString(output);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
    }
    return text;
  }

  @BeforeAll
  static void debootstrap() throws Exception {
    work = Files.createTempDirectory("temper-debootstrap");
    rootfs = work.resolve("rootfs");
    String mirror = MirrorResolver.fromHost().mirrorFor("bookworm").toString();
    run(
        20,
        "debootstrap",
        "--variant=minbase",
        "--include=openjdk-17-jre-headless,curl",
        "bookworm",
        rootfs.toString(),
        mirror);
    inventory = DirectoryLayers.inventory(List.of(rootfs), false, ArchiveLimits.DEFAULT);
  }

  @AfterAll
  static void removeRootfs() throws Exception {
    // rm instead of @TempDir: the root file system contains absolute symlinks that JUnit warns
    // about.
    if (work != null) {
      new ProcessBuilder("rm", "-rf", work.toString())
          .inheritIO()
          .start()
          .waitFor(5, TimeUnit.MINUTES);
    }
  }

  @Test
  void listsExactlyThePackagesDpkgQueryReports() throws Exception {
    String dpkg = run(1, "dpkg-query", "--admindir=" + rootfs.resolve("var/lib/dpkg"), "-W");
    TreeMap<String, String> expected = new TreeMap<>();
    for (String line : dpkg.strip().split("\n")) {
      String[] columns = line.split("\t");
      String name = columns[0].replaceFirst(":[a-z0-9]+$", "");
      expected.put(name, columns[1]);
    }
    TreeMap<String, String> actual = new TreeMap<>();
    inventory.debianPackages().forEach(p -> actual.put(p.name(), p.version()));

    assertThat(inventory.debianPackages()).hasSize(expected.size());
    assertThat(actual).isEqualTo(expected);
    assertThat(inventory.warnings()).isEmpty();
  }

  @Test
  void findsTheOsTheRuntimeAndTheLicenses() throws Exception {
    assertThat(inventory.os().id()).isEqualTo("debian");
    assertThat(inventory.os().versionId()).isEqualTo("12");
    assertThat(inventory.os().path()).isEqualTo("usr/lib/os-release");
    assertThat(inventory.javaRuntimes())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.home()).isEqualTo("usr/lib/jvm/java-17-openjdk-amd64");
              assertThat(r.javaVersion()).startsWith("17.0.");
              assertThat(r.modules()).contains("java.base");
            });
    DebianPackage curl =
        inventory.debianPackages().stream().filter(p -> p.name().equals("curl")).findFirst().get();
    assertThat(curl.licenses()).contains("curl");
    assertThat(SpdxLicenses.expression(curl.licenses())).startsWith("curl");
    assertThat(inventory.javaArchives())
        .extracting(JavaArchive::location)
        .contains("usr/lib/jvm/java-17-openjdk-amd64/lib/jrt-fs.jar");
  }

  @Test
  void bothDocumentsOfTheRealImageValidate() throws Exception {
    for (SbomFormat format : List.of(SbomFormat.CYCLONEDX_JSON, SbomFormat.SPDX_JSON)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SbomWriters.write(inventory, format, out);
      List<String> errors =
          format == SbomFormat.SPDX_JSON
              ? dev.temper.testing.JsonSchemas.spdx(out.toByteArray())
              : dev.temper.testing.JsonSchemas.cycloneDx(out.toByteArray());
      assertThat(errors).as(format.optionName()).isEmpty();
    }
  }
}
