package dev.temper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.oci.testing.TarBuilder;
import dev.temper.testing.ProcessRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs commands on broken user files and checks the one-line error that each prints: it names the
 * file and the place, and contains none of Jackson's or the JDK's internal wording.
 */
class InputErrorMessagesTest {
  /** A registry reference on a closed loopback port. Each test fails before it connects. */
  private static final String UNREACHABLE = "127.0.0.1:1/app:v1";

  private static final String SPEC_HEAD =
      "repositories:\n  - name: test\n    url: http://127.0.0.1:1/\n    suites: [stable]\n";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** Returns standard error after checking that it is one line free of Jackson's wording. */
  private String errorLine() {
    String text = err.toString();
    assertThat(text).endsWith("\n");
    assertThat(text.strip()).doesNotContain("\n");
    assertThat(text).doesNotContain("Source:");
    assertThat(text).doesNotContain("REDACTED");
    assertThat(text).doesNotContain("StreamReadFeature");
    return text.strip();
  }

  private Path layout(String layoutFile, String index) throws Exception {
    Path layout = Files.createDirectories(dir.resolve("layout"));
    Files.writeString(layout.resolve("oci-layout"), layoutFile);
    Files.writeString(layout.resolve("index.json"), index);
    return layout;
  }

  @Test
  void inspectBrokenIndexNamesFile() throws Exception {
    Path layout =
        layout(
            "{\"imageLayoutVersion\":\"1.0.0\"}", "{\"schemaVersion\": 2,\n \"manifests\": [,]}");

    assertThat(run("inspect", "oci:" + layout)).isEqualTo(3);
    assertThat(errorLine())
        .isEqualTo(
            "temper: "
                + layout
                + "/index.json: invalid JSON at line 2, column 16: unexpected character ',':"
                + " expected a value");
  }

  @Test
  void inspectTruncatedLayoutFileNamesFile() throws Exception {
    Path layout = layout("{\"imageLayoutVersion\":", "{}");

    assertThat(run("inspect", "oci:" + layout)).isEqualTo(3);
    assertThat(errorLine())
        .startsWith("temper: " + layout + "/oci-layout: invalid JSON at line 1, column 23: ")
        .contains("unexpected end-of-input");
  }

  @Test
  void inspectBrokenArchiveManifestNamesMember() throws Exception {
    Path archive =
        Files.write(
            dir.resolve("app.tar"),
            new TarBuilder().file("manifest.json", "[{\"Config\": \"c.json\",]").build());

    assertThat(run("inspect", "docker-archive:" + archive)).isEqualTo(3);
    assertThat(errorLine())
        .startsWith(
            "temper: docker-archive:" + archive + ": manifest.json: invalid JSON at line 1");
  }

  @Test
  void scanBrokenVexNamesFile() throws Exception {
    Path vex =
        Files.writeString(
            dir.resolve("app.vex.json"),
            "{\"@context\": \"https://openvex.dev/ns/v0.2.0\",\n \"statements\": [oops]}");

    assertThat(scanWith("--vex", vex)).isEqualTo(3);
    assertThat(errorLine())
        .startsWith("temper: " + vex + ": invalid JSON at line 2, column ")
        .contains(": unrecognized token 'oops'");
  }

  @Test
  void scanDuplicateVexKeyIsRejected() throws Exception {
    Path vex =
        Files.writeString(
            dir.resolve("twice.vex.json"),
            "{\"@context\": \"https://openvex.dev/ns/v0.2.0\",\n"
                + " \"statements\": [{\"vulnerability\": \"CVE-1\", \"status\": \"affected\","
                + " \"status\": \"not_affected\"}]}");

    assertThat(scanWith("--vex", vex)).isEqualTo(3);
    assertThat(errorLine())
        .isEqualTo(
            "temper: " + vex + ": invalid JSON at line 2, column 74: duplicate key 'status'");
  }

  @Test
  void scanBrokenIgnoreFileNamesFile() throws Exception {
    Path ignore = Files.writeString(dir.resolve("ignore.yaml"), "ignore:\n  - id: [CVE-1\n");

    assertThat(scanWith("--ignore", ignore)).isEqualTo(3);
    assertThat(errorLine())
        .startsWith("temper: " + ignore + ": invalid YAML at line 3, column 1: ");
  }

  @Test
  void scanDuplicateIgnoreKeyIsRejected() throws Exception {
    Path ignore =
        Files.writeString(
            dir.resolve("twice.yaml"),
            "ignore:\n  - id: CVE-1\n    reason: accepted\n    id: CVE-2\n");

    assertThat(scanWith("--ignore", ignore)).isEqualTo(3);
    assertThat(errorLine())
        .isEqualTo("temper: " + ignore + ": invalid YAML at line 4, column 7: duplicate key 'id'");
  }

  private int scanWith(String option, Path file) throws Exception {
    Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc"));
    return run(
        "scan",
        option,
        file.toString(),
        "--db",
        dir.resolve("advisories.db").toString(),
        "dir:" + rootfs.getParent());
  }

  @Test
  void brokenAuthFileHidesItsText() throws Exception {
    Path auth =
        Files.writeString(
            dir.resolve("config.json"), "{\"auths\": {\"127.0.0.1:1\": {\"auth\": c2VjcmV0}}}");

    assertThat(run("resolve", "--authfile", auth.toString(), UNREACHABLE)).isEqualTo(3);
    assertThat(errorLine())
        .startsWith("temper: " + auth + ": invalid JSON at line 1, column ")
        .doesNotContain("c2VjcmV0");
  }

  @Test
  void damagedCaFileIsNamedPlainly() throws Exception {
    Path good = certificate();
    List<String> lines = new ArrayList<>(Files.readAllLines(good));
    // Zero bytes in place of the inner SEQUENCE header, still valid base64.
    lines.set(1, lines.get(1).substring(0, 4) + "A".repeat(12) + lines.get(1).substring(16));
    Path damaged = Files.write(dir.resolve("damaged.pem"), lines);

    assertThat(run("resolve", "--ca-file", damaged.toString(), UNREACHABLE)).isEqualTo(3);
    assertThat(errorLine())
        .isEqualTo(
            "temper: "
                + damaged
                + ": invalid certificate: not a valid PEM or DER X.509 certificate");
  }

  private Path certificate() throws Exception {
    Path store = dir.resolve("ca.p12");
    Path pem = dir.resolve("ca.pem");
    keytool(
        "-genkeypair",
        "-keystore",
        store.toString(),
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-dname",
        "CN=temper test CA",
        "-ext",
        "bc:c");
    keytool("-exportcert", "-rfc", "-keystore", store.toString(), "-alias", "ca", "-file", pem);
    return pem;
  }

  private void keytool(Object... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("keytool", "-storepass", "changeit"));
    for (Object argument : arguments) {
      command.add(argument.toString());
    }
    ProcessRun.run(dir, Map.of(), List.of(), command).requireSuccess();
  }

  @Test
  void duplicateSpecKeyIsRejected() throws Exception {
    Path spec =
        Files.writeString(dir.resolve("app.yaml"), SPEC_HEAD + "packages: [app]\npackages: [x]\n");

    assertThat(run("lock", spec.toString())).isEqualTo(3);
    assertThat(errorLine())
        .isEqualTo(
            "temper: " + spec + ": invalid YAML at line 6, column 9: duplicate key 'packages'");
  }

  @Test
  void duplicateLockKeyIsRejected() throws Exception {
    Path spec = Files.writeString(dir.resolve("app.yaml"), SPEC_HEAD + "packages: [app]\n");
    Path lock =
        Files.writeString(
            dir.resolve("app.lock.json"),
            "{\"lockVersion\": 1,\n \"packages\": [{\"name\": \"a\", \"name\": \"b\"}]}");

    assertThat(run("build", spec.toString(), "--output", "oci:" + dir.resolve("out"))).isEqualTo(3);
    assertThat(errorLine())
        .isEqualTo("temper: " + lock + ": invalid JSON at line 2, column 35: duplicate key 'name'");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
