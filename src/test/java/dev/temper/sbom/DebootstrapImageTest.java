package dev.temper.sbom;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Inventories the typical image (a debootstrap minbase root file system plus a headless JRE and
 * curl, packed as an OCI layout by umoci) and compares the package list with what dpkg-query reads
 * from the root file system.
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
  static void inventoryTypicalImage() throws Exception {
    work = Files.createTempDirectory("temper-dpkg-query");
    rootfs = dev.temper.testing.TypicalImage.rootfs();
    try (dev.temper.oci.image.ImageSource source =
        dev.temper.oci.image.ImageSources.localOnly()
            .open(dev.temper.testing.TypicalImage.reference(), null)) {
      inventory = ImageInventory.of(source);
    }
  }

  @AfterAll
  static void removeOutputs() throws Exception {
    try (var files = Files.list(work)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(work);
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
    // debootstrap makes the device nodes of /dev, which the image walk reports and skips.
    assertThat(inventory.warnings())
        .allMatch(
            w -> w.matches(".*skipped entry 'dev/[a-z]+': character device"), "only /dev nodes");
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
