package dev.temper.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code examples/java17} from the real archive with a test JAR and a test CA added through
 * the spec, runs it under runc against a TLS server on 127.0.0.1, and rebuilds it with an empty
 * cache and with a shuffled spec to compare digests.
 */
@Tag("archive")
class Java17ArchiveTest {
  private static final String EXTRA =
      "files:\n"
          + "  - {source: app/app.jar, destination: /app/app.jar, owner: nonroot, mode: '0644'}\n"
          + "certificates: [certs/test-ca.pem]\n"
          + "workdir: /app\n"
          + "labels: {org.example.team: platform}\n";

  @TempDir Path dir;

  @Test
  void java17RunsTlsClientAndRebuildsIdentically() throws Exception {
    Path specDirectory = dir.resolve("spec");
    TestCertificates certificates = TestCertificates.create(specDirectory.resolve("certs"));
    TestJar.build(Files.createDirectories(specDirectory.resolve("app")));
    Path spec = ArchiveBuilds.example("java17", specDirectory, EXTRA);
    Path layout = dir.resolve("java17");

    BuildResult first = ArchiveBuilds.build(spec, layout, dir.resolve("cache-1"));

    String inspected = ArchiveBuilds.inspect(layout);
    assertThat(inspected).contains(first.image().digest().toString());
    assertThat(inspected).contains("org.example.team");
    ImageRunner image = ImageRunner.unpack(layout, "test", dir);
    ImageRunner.Run version = image.run();
    assertThat(version.exitCode()).as(version.output()).isZero();
    assertThat(version.output()).contains("openjdk version \"17.");

    try (SSLServerSocket server = listen(certificates)) {
      String port = Integer.toString(server.getLocalPort());
      ImageRunner.Run app = image.run(List.of("/usr/bin/java", "-jar", "/app/app.jar", port));

      assertThat(app.exitCode()).as(app.output()).isZero();
      assertThat(app.output()).contains("server said: hello from the test server");
      assertThat(app.output()).containsPattern("trust store entries: [0-9]{3}");
      assertThat(app.output()).containsPattern("tzdb version: 20[0-9]{2}[a-z]");
      assertThat(app.output()).contains("user: nonroot");
      assertThat(app.output()).containsPattern("Uid:\\s+65532\\s+65532");
    }
    ExampleImagesArchiveTest.assertHardened(image);

    // A second build from the same lock, with an empty cache, gives the same image.
    BuildResult second = ArchiveBuilds.build(spec, dir.resolve("again"), dir.resolve("cache-2"));
    assertThat(second.image().digest()).isEqualTo(first.image().digest());

    // So does a spec whose package list is in another order, locked again.
    Path shuffledDirectory = dir.resolve("shuffled");
    copyTree(specDirectory.resolve("certs"), shuffledDirectory.resolve("certs"));
    copyTree(specDirectory.resolve("app"), shuffledDirectory.resolve("app"));
    Path shuffled = shuffledDirectory.resolve("java17.yaml");
    Files.writeString(shuffled, reversePackages(Files.readString(spec)));
    BuildResult third =
        ArchiveBuilds.build(shuffled, dir.resolve("shuffled-out"), dir.resolve("cache-2"));
    assertThat(third.image().digest()).isEqualTo(first.image().digest());
  }

  private static SSLServerSocket listen(TestCertificates certificates) throws Exception {
    SSLServerSocket server =
        (SSLServerSocket)
            certificates
                .serverContext()
                .getServerSocketFactory()
                .createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
    Thread thread =
        new Thread(
            () -> {
              try (SSLSocket client = (SSLSocket) server.accept();
                  OutputStream out = client.getOutputStream()) {
                out.write("hello from the test server\n".getBytes(StandardCharsets.UTF_8));
              } catch (java.io.IOException e) {
                // The socket closes when the test ends; a failed handshake shows in the output.
              }
            });
    thread.setDaemon(true);
    thread.start();
    return server;
  }

  /** Returns the spec with the entries of its {@code packages:} list in reverse order. */
  private static String reversePackages(String yaml) {
    List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
    int start = lines.indexOf("packages:") + 1;
    int end = start;
    while (end < lines.size() && lines.get(end).startsWith("  - ")) {
      end++;
    }
    Collections.reverse(lines.subList(start, end));
    return String.join("\n", lines);
  }

  private static void copyTree(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
