package dev.temper.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSpecReaderTest {
  private static final String HEAD = "repositories: [{suites: [bookworm]}]\npackages: [libc6]\n";

  @TempDir Path dir;

  private Path write(String fields) throws Exception {
    Path spec = dir.resolve("image.yaml");
    Files.writeString(spec, HEAD + fields);
    return spec;
  }

  private void assertRejected(String fields, String message) throws Exception {
    Path spec = write(fields);
    assertThatThrownBy(() -> SpecLoader.load(spec))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(spec + ": " + message);
  }

  @Test
  void readsEveryImageField() throws Exception {
    Files.writeString(dir.resolve("app.jar"), "jar");
    Files.writeString(dir.resolve("ca.pem"), "pem");
    Path spec =
        write(
            "accounts:\n"
                + "  run-as: app\n"
                + "  users: [{name: app, uid: 1000}]\n"
                + "  groups: [{name: app, gid: 1000, members: [app]}]\n"
                + "paths:\n"
                + "  - {path: /var/app/, type: directory, mode: '0750', owner: 'app'}\n"
                + "  - {path: /etc/a, type: symlink, target: b}\n"
                + "files: [{source: app.jar, destination: /app/app.jar, owner: '1000:1000'}]\n"
                + "certificates: [ca.pem]\n"
                + "entrypoint: [/usr/bin/java, -jar]\n"
                + "cmd: [/app/app.jar]\n"
                + "env: {JAVA_OPTS: -Xmx1g}\n"
                + "workdir: /app\n"
                + "labels: {team: platform}\n"
                + "ports: [8080, 53/udp]\n"
                + "annotations: {org.opencontainers.image.source: https://example.invalid/app}\n"
                + "prune: [/usr/share/locale]\n"
                + "allow-overwrite: [usr/bin/tool]\n"
                + "layers: [{name: libs, packages: ['lib*']}]\n");

    ImageSpec image = SpecLoader.load(spec).image();

    assertThat(image.accounts().runAs()).isEqualTo("app");
    assertThat(image.accounts().users().get(0))
        .isEqualTo(new ImageSpec.User("app", 1000, 1000, "/home/app", "/sbin/nologin"));
    assertThat(image.paths())
        .extracting(ImageSpec.PathSpec::path)
        .containsExactly("etc/a", "var/app");
    assertThat(image.paths().get(1).mode()).isEqualTo(0750);
    assertThat(image.files().get(0).source()).isEqualTo(dir.resolve("app.jar"));
    assertThat(image.files().get(0).destination()).isEqualTo("app/app.jar");
    assertThat(image.certificates()).containsExactly(dir.resolve("ca.pem"));
    assertThat(image.entrypoint()).containsExactly("/usr/bin/java", "-jar");
    assertThat(image.ports()).containsExactly("53/udp", "8080/tcp");
    assertThat(image.prune()).containsExactly("usr/share/locale");
    assertThat(image.layers().get(0).packages()).containsExactly("lib*");
  }

  @Test
  void unknownNestedKeyNamedWithLine() throws Exception {
    assertRejected(
        "files:\n  - {source: a, destination: /a, permissions: '0644'}\n",
        "unknown field 'permissions' at line 4");
  }

  @Test
  void missingLocalFileRejected() throws Exception {
    assertRejected(
        "files: [{source: missing.jar, destination: /app/app.jar}]\n",
        "files[0]: local file not found: " + dir.resolve("missing.jar"));
  }

  @Test
  void invalidUserNameRejected() throws Exception {
    assertRejected(
        "accounts: {users: [{name: Bad-User, uid: 1000}]}\n",
        "accounts.users[0]: invalid name 'Bad-User': expected lower-case letters, digits, '_' or"
            + " '-', at most 32 characters");
  }

  @Test
  void reusedUidRejected() throws Exception {
    assertRejected(
        "accounts: {users: [{name: app, uid: 65532}]}\n",
        "accounts.users[0]: uid 65532 is used by another user");
  }

  @Test
  void unknownOwnerRejected() throws Exception {
    assertRejected(
        "paths: [{path: /x, type: directory, owner: nobody2}]\n",
        "paths[0].owner: invalid user 'nobody2': expected a user name of the image or uid[:gid]");
  }

  @Test
  void unknownRunAsRejected() throws Exception {
    assertRejected(
        "accounts: {run-as: ghost}\n",
        "accounts.run-as: invalid user 'ghost': expected a user name of the image or uid[:gid]");
  }

  @Test
  void decimalModeRejected() throws Exception {
    assertRejected(
        "paths: [{path: /x, type: directory, mode: '0999'}]\n",
        "paths[0]: invalid mode '0999': expected octal digits such as '0644'");
  }

  @Test
  void relativeDestinationRejected() throws Exception {
    Files.writeString(dir.resolve("a"), "a");
    assertRejected(
        "files: [{source: a, destination: app/a}]\n",
        "files[0].destination: invalid path 'app/a': expected an absolute path below /");
  }

  @Test
  void dotDotPathRejected() throws Exception {
    assertRejected(
        "paths: [{path: /etc/../x, type: file}]\n", "paths[0].path: invalid path '/etc/../x'");
  }

  @Test
  void invalidPortRejected() throws Exception {
    assertRejected(
        "ports: [70000]\n",
        "ports: invalid port '70000': expected 1-65535, optionally /tcp or /udp");
  }

  @Test
  void defaultExcludesSkipRequestedPackages() throws Exception {
    Path spec = dir.resolve("image.yaml");
    Files.writeString(spec, "repositories: [{suites: [bookworm]}]\npackages: [bash, libc6]\n");

    assertThat(SpecLoader.load(spec).exclude())
        .contains("dash", "dpkg", "apt", "coreutils", "perl-base", "util-linux")
        .doesNotContain("bash");
  }
}
