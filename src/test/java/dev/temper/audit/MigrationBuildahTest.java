package dev.temper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.build.ImageRunner;
import dev.temper.cli.Main;
import dev.temper.registry.DistributionServer;
import dev.temper.testing.HardenedImage;
import dev.temper.testing.TypicalImage;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Migrates Java Dockerfiles onto examples/java17, builds each with buildah (chroot isolation, the
 * hardened base pulled from a docker-registry on loopback, builder stages on the typical
 * debootstrap image from its OCI layout) and runs the result under runc. No image comes from
 * outside this machine.
 */
@Tag("archive")
class MigrationBuildahTest {
  private static final String APP =
      "public class Hello {\n"
          + "  public static void main(String[] args) throws Exception {\n"
          + "    System.out.println(\"hello from the migrated app\");\n"
          + "    System.out.println(\"user: \" + System.getProperty(\"user.name\"));\n"
          + "    for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"/proc/self/status\"))) {\n"
          + "      if (line.startsWith(\"Uid:\")) System.out.println(line);\n"
          + "    }\n"
          + "  }\n"
          + "}\n";

  /** Dockerfiles as teams write them; TYPICAL stands for the typical image's OCI layout. */
  private static final List<String> DOCKERFILES =
      List.of(
          "FROM eclipse-temurin:17-jre\nCOPY app.jar /opt/app/app.jar\nCMD java -jar /opt/app/app.jar\n",
          "FROM TYPICAL AS build\nWORKDIR /src\nCOPY app.jar .\nRUN mkdir -p /out && cp app.jar /out/service.jar\n\n"
              + "FROM openjdk:17\nCOPY --from=build /out/service.jar /srv/service.jar\n"
              + "ENTRYPOINT [\"java\", \"-jar\", \"/srv/service.jar\"]\n",
          "FROM TYPICAL\nWORKDIR /app\nCOPY app.jar /app/build/app.jar\nRUN cp /app/build/app.jar /app/app.jar\n"
              + "USER root\nEXPOSE 8080\nCMD java -jar /app/app.jar\n");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void migratedDockerfileBuildsAndRuns(int which) throws Exception {
    try (DistributionServer registry =
        DistributionServer.start(
            Files.createDirectories(dir.resolve("registry")), DistributionServer.Options.open())) {
      String base = registry.host() + "/temper/java17:1";
      assertThat(temper("push", HardenedImage.reference(), base)).isZero();

      Path context = Files.createDirectories(dir.resolve("context"));
      buildJar(context.resolve("app.jar"));
      String original = DOCKERFILES.get(which).replace("TYPICAL", TypicalImage.reference());
      Files.writeString(context.resolve("Dockerfile"), original);
      StringWriter migrated = new StringWriter();
      int code =
          Main.run(
              new String[] {"migrate", context.resolve("Dockerfile").toString(), "--base", base},
              new PrintWriter(migrated, true),
              new PrintWriter(new StringWriter(), true));
      assertThat(code).isZero();
      assertThat(migrated.toString()).contains("FROM " + base + "@sha256:");
      Files.writeString(context.resolve("Dockerfile.hardened"), migrated.toString());

      Path storage = dir.resolve("buildah");
      List<String> buildah =
          List.of(
              "buildah",
              "--root",
              storage.resolve("root").toString(),
              "--runroot",
              storage.resolve("run").toString(),
              "--storage-driver",
              "vfs");
      run(
          withArgs(
              buildah,
              "bud",
              "--isolation",
              "chroot",
              "--tls-verify=false",
              "-f",
              context.resolve("Dockerfile.hardened").toString(),
              "-t",
              "localhost/migrated:" + which,
              context.toString()));
      Path out = dir.resolve("out");
      run(withArgs(buildah, "push", "localhost/migrated:" + which, "oci:" + out + ":app"));

      ImageRunner.Run result = ImageRunner.unpack(out, "app", dir.resolve("run")).run();
      assertThat(result.exitCode()).as(migrated + result.output()).isZero();
      assertThat(result.output()).contains("hello from the migrated app", "user: nonroot");
      assertThat(result.output()).containsPattern("Uid:\\s+65532\\s+65532");
    }
  }

  private static int temper(String... args) {
    return Main.run(
        args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
  }

  private static List<String> withArgs(List<String> command, String... args) {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(args));
    return all;
  }

  private void run(List<String> command) throws Exception {
    Path log = Files.createTempFile(dir, "command", ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    assertThat(process.exitValue())
        .as(String.join(" ", command) + "\n" + Files.readString(log))
        .isZero();
  }

  private void buildJar(Path jar) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Files.writeString(sources.resolve("Hello.java"), APP, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "--release",
                "17",
                "-d",
                classes.toString(),
                sources.resolve("Hello.java").toString());
    assertThat(compiled).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("Hello.class"));
      out.write(Files.readAllBytes(classes.resolve("Hello.class")));
      out.closeEntry();
    }
  }
}
