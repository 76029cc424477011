package dev.temper.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.oci.image.ImageSource;
import dev.temper.oci.image.ImageSources;
import dev.temper.testing.HardenedImage;
import java.io.ByteArrayOutputStream;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Inventories examples/java17 as temper built it, from its distroless-style status.d records, and
 * compares the packages with the lock the image was built from.
 */
@Tag("archive")
class HardenedImageSbomArchiveTest {

  @Test
  void packagesEqualTheLock() throws Exception {
    Inventory inventory;
    try (ImageSource source = ImageSources.localOnly().open(HardenedImage.reference(), null)) {
      inventory = ImageInventory.of(source);
    }
    JsonNode lock = new ObjectMapper().readTree(HardenedImage.lock().toFile());
    TreeMap<String, String> locked = new TreeMap<>();
    for (JsonNode pin : lock.path("packages")) {
      locked.put(pin.path("name").asText(), pin.path("version").asText());
    }
    TreeMap<String, String> found = new TreeMap<>();
    for (DebianPackage p : inventory.debianPackages()) {
      found.put(p.name(), p.version());
    }

    assertThat(locked).isNotEmpty();
    assertThat(found).isEqualTo(locked);
    assertThat(inventory.warnings()).isEmpty();
    assertThat(inventory.os().versionId()).isEqualTo("12");
    assertThat(inventory.javaRuntimes())
        .singleElement()
        .satisfies(r -> assertThat(r.javaVersion()).startsWith("17."));
    DebianPackage jre =
        inventory.debianPackages().stream()
            .filter(p -> p.name().equals("openjdk-17-jre-headless"))
            .findFirst()
            .orElseThrow();
    assertThat(jre.sourceName()).isEqualTo("openjdk-17");
    assertThat(jre.statusFile()).isEqualTo("var/lib/dpkg/status.d/openjdk-17-jre-headless");
  }

  @Test
  void documentsValidate() throws Exception {
    Inventory inventory;
    try (ImageSource source = ImageSources.localOnly().open(HardenedImage.reference(), null)) {
      inventory = ImageInventory.of(source);
    }
    for (SbomFormat format : new SbomFormat[] {SbomFormat.CYCLONEDX_JSON, SbomFormat.SPDX_JSON}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SbomWriters.write(inventory, format, out);
      var errors =
          format == SbomFormat.SPDX_JSON
              ? dev.temper.testing.JsonSchemas.spdx(out.toByteArray())
              : dev.temper.testing.JsonSchemas.cycloneDx(out.toByteArray());
      assertThat(errors).as(format.optionName()).isEmpty();
    }
  }
}
