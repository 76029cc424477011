package dev.temper.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbomWritersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path root;

  private void write(String relative, String content) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @BeforeEach
  void image() throws Exception {
    root = dir.resolve("root");
    write(
        "var/lib/dpkg/status",
        "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\n"
            + "Version: 2.36-9+deb12u10\nSource: glibc\n\n"
            + "Package: libc-bin\nStatus: install ok installed\nArchitecture: amd64\n"
            + "Version: 2.36-9+deb12u10\nSource: glibc\n\n"
            + "Package: tzdata\nStatus: install ok installed\nArchitecture: all\n"
            + "Version: 1:2025b-0+deb12u1\n");
    write(
        "usr/share/doc/libc6/copyright",
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
            + "Files: *\nLicense: LGPL-2.1+ and public-domain\n");
    write(
        "usr/lib/os-release",
        "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
            + "VERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n");
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
    write(
        "opt/java/openjdk/release",
        "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\"17.0.15+6\"\n"
            + "JAVA_VERSION=\"17.0.15\"\nMODULES=\"java.base java.logging jdk.unsupported\"\n");
    Path jar = root.resolve("app/app-1.0.jar");
    Files.createDirectories(jar.getParent());
    Files.write(
        jar,
        Jars.create()
            .pom("com.example", "app", "1.0")
            .add("BOOT-INF/lib/lib-2.0.jar", Jars.create().pom("com.example", "lib", "2.0").bytes())
            .bytes());
  }

  private byte[] render(SbomFormat format, boolean reverse) throws Exception {
    Inventory inventory = DirectoryLayers.inventory(List.of(root), reverse, ArchiveLimits.DEFAULT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SbomWriters.write(inventory, format, out);
    return out.toByteArray();
  }

  @Test
  void cycloneDxValidatesAndDescribesTheImage() throws Exception {
    byte[] bom = render(SbomFormat.CYCLONEDX_JSON, false);

    assertThat(dev.temper.testing.JsonSchemas.cycloneDx(bom)).isEmpty();
    assertThat(render(SbomFormat.CYCLONEDX_JSON, true)).isEqualTo(bom);
    JsonNode doc = JSON.readTree(bom);
    String digest = "sha256:" + DirectoryLayers.layerDigest(99).hex();
    assertThat(doc.path("serialNumber").asText())
        .isEqualTo("urn:uuid:" + NameBasedUuid.of("temper:sbom:cyclonedx:" + digest));
    assertThat(doc.at("/metadata/timestamp").asText()).isEqualTo("2024-05-01T12:30:45Z");
    assertThat(doc.at("/metadata/component/type").asText()).isEqualTo("container");
    assertThat(doc.at("/metadata/component/version").asText()).isEqualTo(digest);
    List<String> purls = new ArrayList<>();
    doc.path("components").forEach(c -> purls.add(c.path("purl").asText()));
    assertThat(purls)
        .containsExactly(
            "",
            "pkg:deb/debian/libc-bin@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12",
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12",
            "pkg:deb/debian/tzdata@1%3A2025b-0%2Bdeb12u1?arch=all&distro=debian-12",
            "pkg:maven/com.example/app@1.0",
            "");
    JsonNode libc6 = doc.path("components").get(2);
    assertThat(libc6.at("/pedigree/ancestors/0/purl").asText())
        .isEqualTo("pkg:deb/debian/glibc@2.36-9%2Bdeb12u10?arch=source&distro=debian-12");
    assertThat(libc6.at("/licenses/0/expression").asText())
        .isEqualTo("LGPL-2.1-or-later AND LicenseRef-public-domain");
    JsonNode app = doc.path("components").get(4);
    assertThat(app.at("/components/0/purl").asText()).isEqualTo("pkg:maven/com.example/lib@2.0");
    assertThat(app.at("/hashes/0/alg").asText()).isEqualTo("SHA-1");
    JsonNode runtime = doc.path("components").get(5);
    assertThat(runtime.path("type").asText()).isEqualTo("platform");
    assertThat(runtime.path("version").asText()).isEqualTo("17.0.15+6");
    assertThat(doc.path("components").get(0).path("type").asText()).isEqualTo("operating-system");
  }

  @Test
  void spdxValidatesAndRelatesBinariesToSources() throws Exception {
    byte[] spdx = render(SbomFormat.SPDX_JSON, false);

    assertThat(dev.temper.testing.JsonSchemas.spdx(spdx)).isEmpty();
    assertThat(render(SbomFormat.SPDX_JSON, true)).isEqualTo(spdx);
    JsonNode doc = JSON.readTree(spdx);
    assertThat(doc.at("/creationInfo/created").asText()).isEqualTo("2024-05-01T12:30:45Z");
    List<String> relationships = new ArrayList<>();
    doc.path("relationships")
        .forEach(
            r ->
                relationships.add(
                    name(doc, r.path("spdxElementId").asText())
                        + " "
                        + r.path("relationshipType").asText()
                        + " "
                        + name(doc, r.path("relatedSpdxElement").asText())));
    assertThat(relationships)
        .contains(
            "DOCUMENT DESCRIBES dir:" + root,
            "libc6 GENERATED_FROM glibc",
            "libc-bin GENERATED_FROM glibc",
            "tzdata GENERATED_FROM tzdata",
            "app CONTAINS lib",
            "dir:" + root + " CONTAINS debian");
    assertThat(doc.path("packages").findValuesAsText("licenseDeclared"))
        .containsExactly("LGPL-2.1-or-later AND LicenseRef-public-domain");
    assertThat(doc.at("/hasExtractedLicensingInfos/0/licenseId").asText())
        .isEqualTo("LicenseRef-public-domain");
    long sources = countPurpose(doc, "SOURCE");
    assertThat(sources).isEqualTo(2);
  }

  @Test
  void tableGroupsPackagesBySource() throws Exception {
    String table = new String(render(SbomFormat.TABLE, false), StandardCharsets.UTF_8);

    assertThat(table)
        .contains("OS:    Debian GNU/Linux 12 (bookworm)")
        .contains("Debian packages (2 sources)")
        .containsPattern(
            "glibc +2\\.36-9\\+deb12u10 +libc-bin +2\\.36-9\\+deb12u10 +amd64 +unknown\n +libc6 ")
        .contains(
            "com.example  lib       2.0      pom-properties  /app/app-1.0.jar!/BOOT-INF/lib/lib-2.0.jar")
        .contains(
            "Total: 3 Debian packages from 2 source packages, 2 Java archives, 1 Java runtimes,"
                + " 0 warnings");
  }

  @Test
  void schemasRejectADocumentTheyForbid() throws Exception {
    JsonNode bom = JSON.readTree(render(SbomFormat.CYCLONEDX_JSON, false));
    ((com.fasterxml.jackson.databind.node.ObjectNode) bom.path("components").get(1))
        .put("type", "package");
    JsonNode spdx = JSON.readTree(render(SbomFormat.SPDX_JSON, false));
    ((com.fasterxml.jackson.databind.node.ObjectNode) spdx.path("packages").get(1))
        .put("primaryPackagePurpose", "PACKAGE");

    assertThat(dev.temper.testing.JsonSchemas.cycloneDx(JSON.writeValueAsBytes(bom))).isNotEmpty();
    assertThat(dev.temper.testing.JsonSchemas.spdx(JSON.writeValueAsBytes(spdx))).isNotEmpty();
  }

  private static long countPurpose(JsonNode doc, String purpose) {
    long count = 0;
    for (JsonNode p : doc.path("packages")) {
      if (p.path("primaryPackagePurpose").asText().equals(purpose)) {
        count++;
      }
    }
    return count;
  }

  private static String name(JsonNode doc, String id) {
    if (id.equals("SPDXRef-DOCUMENT")) {
      return "DOCUMENT";
    }
    for (JsonNode p : doc.path("packages")) {
      if (p.path("SPDXID").asText().equals(id)) {
        return p.path("name").asText();
      }
    }
    return id;
  }
}
