package dev.temper.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.temper.archive.EntryType;
import dev.temper.oci.image.ImageFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaArchiveCatalogerTest {
  private static final Path M2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
  private static final Path DATABIND =
      M2.resolve("com/fasterxml/jackson/core/jackson-databind/2.21.3/jackson-databind-2.21.3.jar");
  private static final Path COMPRESS =
      M2.resolve("org/apache/commons/commons-compress/1.28.0/commons-compress-1.28.0.jar");

  /** A dependency of temper whose coordinates only its manifest gives: it has no pom.properties. */
  private static final Path XZ = M2.resolve("org/tukaani/xz/1.12/xz-1.12.jar");

  @TempDir Path dir;

  private Inventory scan(String path, byte[] content) throws Exception {
    Path root = dir.resolve("root");
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return DirectoryLayers.inventory(List.of(root), false, ArchiveLimits.DEFAULT);
  }

  private static String hex(String algorithm, byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
  }

  @Test
  void springBootJarListsNestedArtifacts() throws Exception {
    byte[] databind = Files.readAllBytes(DATABIND);
    byte[] shaded =
        Jars.create()
            .pom("org.slf4j", "slf4j-api", "2.0.17")
            .pom("com.example", "shaded", "2.0")
            .pom("com.example", "inner", "0.1")
            .add("com/example/Shaded.class", new byte[100])
            .bytes();
    byte[] fat =
        Jars.create()
            .manifest("Main-Class: org.springframework.boot.loader.launch.JarLauncher")
            .pom("com.example", "app", "1.0.0")
            .add("BOOT-INF/classes/com/example/App.class", new byte[64])
            .addStored("BOOT-INF/lib/jackson-databind-2.21.3.jar", databind)
            .addStored("BOOT-INF/lib/commons-compress-1.28.0.jar", Files.readAllBytes(COMPRESS))
            .addStored("BOOT-INF/lib/xz-1.12.jar", Files.readAllBytes(XZ))
            .addStored("BOOT-INF/lib/shaded-2.0.jar", shaded)
            .add("BOOT-INF/lib/guava-33.0.0-jre.jar", Jars.create().add("x", "y").bytes())
            .bytes();

    Inventory inventory = scan("app/app.jar", fat);

    assertThat(inventory.warnings()).isEmpty();
    String lib = "app/app.jar!/BOOT-INF/lib/";
    assertThat(inventory.javaArchives())
        .extracting(
            JavaArchive::location,
            JavaArchive::groupId,
            JavaArchive::artifactId,
            JavaArchive::version,
            JavaArchive::origin,
            JavaArchive::parentLocation)
        .containsExactly(
            tuple(
                "app/app.jar",
                "com.example",
                "app",
                "1.0.0",
                JavaArchive.Origin.POM_PROPERTIES,
                null),
            tuple(
                lib + "commons-compress-1.28.0.jar",
                "org.apache.commons",
                "commons-compress",
                "1.28.0",
                JavaArchive.Origin.POM_PROPERTIES,
                "app/app.jar"),
            tuple(
                lib + "guava-33.0.0-jre.jar",
                null,
                "guava",
                "33.0.0-jre",
                JavaArchive.Origin.FILE_NAME,
                "app/app.jar"),
            tuple(
                lib + "jackson-databind-2.21.3.jar",
                "com.fasterxml.jackson.core",
                "jackson-databind",
                "2.21.3",
                JavaArchive.Origin.POM_PROPERTIES,
                "app/app.jar"),
            tuple(
                lib + "shaded-2.0.jar",
                "com.example",
                "shaded",
                "2.0",
                JavaArchive.Origin.POM_PROPERTIES,
                "app/app.jar"),
            tuple(
                lib + "shaded-2.0.jar",
                "com.example",
                "inner",
                "0.1",
                JavaArchive.Origin.POM_PROPERTIES,
                lib + "shaded-2.0.jar"),
            tuple(
                lib + "shaded-2.0.jar",
                "org.slf4j",
                "slf4j-api",
                "2.0.17",
                JavaArchive.Origin.POM_PROPERTIES,
                lib + "shaded-2.0.jar"),
            tuple(
                lib + "xz-1.12.jar",
                null,
                "XZ data compression",
                "1.12",
                JavaArchive.Origin.MANIFEST,
                "app/app.jar"));

    JavaArchive app = inventory.javaArchives().get(0);
    assertThat(app.sha1()).isEqualTo(hex("SHA-1", fat));
    assertThat(app.sha256()).isEqualTo(hex("SHA-256", fat));
    JavaArchive nested = inventory.javaArchives().get(3);
    assertThat(nested.sha1()).isEqualTo(hex("SHA-1", databind));
    assertThat(nested.sha256()).isEqualTo(hex("SHA-256", databind));
    assertThat(inventory.javaArchives().get(5).sha256()).isNull();
    assertThat(Purls.maven(nested))
        .isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.21.3");
  }

  @Test
  void readsWarLibrariesAndManifestBundleNames() throws Exception {
    byte[] bundle =
        Jars.create()
            .manifest(
                "Bundle-SymbolicName: org.example.thing;singleton:=true\r\nBundle-Version: 3.1.0")
            .bytes();
    byte[] war =
        Jars.create()
            .add("WEB-INF/web.xml", "<web-app/>")
            .add("WEB-INF/lib/thing.jar", bundle)
            .add("WEB-INF/lib/xz-1.12.jar", Files.readAllBytes(XZ))
            .bytes();

    Inventory inventory = scan("srv/ROOT.war", war);

    assertThat(inventory.javaArchives())
        .extracting(
            JavaArchive::location,
            JavaArchive::artifactId,
            JavaArchive::version,
            JavaArchive::origin)
        .containsExactly(
            tuple("srv/ROOT.war", "ROOT", null, JavaArchive.Origin.FILE_NAME),
            tuple(
                "srv/ROOT.war!/WEB-INF/lib/thing.jar",
                "org.example.thing",
                "3.1.0",
                JavaArchive.Origin.MANIFEST),
            tuple(
                "srv/ROOT.war!/WEB-INF/lib/xz-1.12.jar",
                "XZ data compression",
                "1.12",
                JavaArchive.Origin.MANIFEST));
  }

  @Test
  void zipBombWarnsAndOthersContinue() throws Exception {
    byte[] zeros = new byte[200 << 20];
    byte[] bomb = Jars.create().pom("com.example", "bomb", "1").add("zeros.bin", zeros).bytes();
    byte[] outer =
        Jars.create()
            .pom("com.example", "outer", "1.0")
            .add("lib/bomb-1.jar", bomb)
            .add("lib/xz-1.12.jar", Files.readAllBytes(XZ))
            .bytes();
    zeros = null;

    Inventory inventory = scan("opt/outer-1.0.jar", outer);

    assertThat(inventory.javaArchives())
        .extracting(JavaArchive::artifactId)
        .containsExactly("outer", "XZ data compression");
    assertThat(inventory.warnings()).hasSize(1);
    assertThat(inventory.warnings().get(0))
        .startsWith("opt/outer-1.0.jar!/lib/bomb-1.jar: zip bomb: ")
        .endsWith(", a ratio above 100");
  }

  @Test
  void stopsFollowingNestedArchivesPastTheDepthLimit() throws Exception {
    byte[] archive = Jars.create().pom("com.example", "level50", "1").bytes();
    for (int level = 49; level >= 1; level--) {
      archive =
          Jars.create().pom("com.example", "level" + level, "1").add("n.jar", archive).bytes();
    }

    Inventory inventory = scan("deep.jar", archive);

    assertThat(inventory.javaArchives()).hasSize(ArchiveLimits.DEFAULT.maxDepth());
    assertThat(inventory.javaArchives().get(7).artifactId()).isEqualTo("level8");
    assertThat(inventory.warnings())
        .containsExactly(
            "deep.jar" + "!/n.jar".repeat(8) + ": nested deeper than 8 archives, not read further");
  }

  @Test
  void warnsAboutATruncatedArchive() throws Exception {
    byte[] whole = Files.readAllBytes(XZ);
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

    Inventory inventory = scan("opt/xz-1.12.jar", truncated);

    assertThat(inventory.javaArchives()).isEmpty();
    assertThat(inventory.warnings()).hasSize(1);
    assertThat(inventory.warnings().get(0)).startsWith("opt/xz-1.12.jar: unreadable archive: ");
  }

  @Test
  void hugeDeclaredSizeIsNeverRead() throws Exception {
    long tenGigabytes = 10L << 30;
    ImageFile file =
        new ImageFile("opt/huge.jar", EntryType.FILE, 0644, 0, 0, null, tenGigabytes, 0, null);
    CountingZeros content = new CountingZeros();
    InventoryCollector collector = new InventoryCollector();

    collector.visit(file, content);
    Inventory inventory = collector.finish(new ImageSubject("test", null, null, null));

    assertThat(content.read).isZero();
    assertThat(inventory.warnings())
        .containsExactly("opt/huge.jar: larger than 4294967296 bytes, not read");
  }

  /** An endless stream of zeros that counts what is read from it. */
  private static final class CountingZeros extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 0);
      read += len;
      return len;
    }
  }

  static InputStream stream(byte[] bytes) throws IOException {
    return new ByteArrayInputStream(bytes);
  }
}
