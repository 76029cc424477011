package dev.temper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads credentials the way docker and skopeo store them, with real helper processes. */
class CredentialStoreTest {
  private static final String HOST = "127.0.0.1:5000";

  @TempDir Path temp;

  private static String auth(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Path config(String json) throws Exception {
    Path file = temp.resolve("config.json");
    Files.writeString(file, json);
    return file;
  }

  /**
   * Writes {@code docker-credential-NAME}, a shell script that logs its stdin and prints output.
   */
  private Path helper(String name, String output, int exitCode) throws Exception {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path script = bin.resolve("docker-credential-" + name);
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "[ \"$1\" = get ] || exit 9\n"
            + "cat > \""
            + temp.resolve(name + ".stdin")
            + "\"\n"
            + "printf '%s' '"
            + output
            + "'\n"
            + "exit "
            + exitCode
            + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  private static CredentialStore store(Path file, Path bin) {
    return CredentialStore.fromFile(file, Map.of("PATH", bin == null ? "" : bin.toString()));
  }

  @Test
  void authsEntryDecodesUserAndPassword() throws Exception {
    Path file =
        config(
            "{\"auths\":{\"https://"
                + HOST
                + "/v1/\":{\"auth\":\""
                + auth("user", "pa:ss")
                + "\"}}}");

    Optional<Credentials> found = store(file, null).find(HOST);

    assertThat(found).contains(Credentials.basic("user", "pa:ss"));
    assertThat(store(file, null).find("127.0.0.1:6000")).isEmpty();
  }

  @Test
  void identityTokenIsUsedAsRefreshToken() throws Exception {
    Path file = config("{\"auths\":{\"" + HOST + "\":{\"identitytoken\":\"refresh-me\"}}}");

    assertThat(store(file, null).find(HOST)).contains(Credentials.identity("refresh-me"));
  }

  @Test
  void hostCredHelperWins() throws Exception {
    Path bin =
        helper(
            "per-host",
            "{\"ServerURL\":\"" + HOST + "\",\"Username\":\"helped\",\"Secret\":\"from-helper\"}",
            0);
    Path file =
        config(
            "{\"auths\":{\""
                + HOST
                + "\":{\"auth\":\""
                + auth("user", "stored")
                + "\"}},\"credHelpers\":{\""
                + HOST
                + "\":\"per-host\"}}");

    Optional<Credentials> found = store(file, bin).find(HOST);

    assertThat(found).contains(Credentials.basic("helped", "from-helper"));
    assertThat(Files.readString(temp.resolve("per-host.stdin"))).isEqualTo(HOST);
  }

  @Test
  void credsStoreMayHaveNothing() throws Exception {
    Path bin = helper("store", "credentials not found in native keychain", 1);
    Path file = config("{\"credsStore\":\"store\"}");

    assertThat(store(file, bin).find(HOST)).isEmpty();
  }

  @Test
  void helperTokenUserMeansIdentityToken() throws Exception {
    Path bin = helper("token", "{\"Username\":\"<token>\",\"Secret\":\"identity\"}", 0);
    Path file = config("{\"credsStore\":\"token\"}");

    assertThat(store(file, bin).find(HOST)).contains(Credentials.identity("identity"));
  }

  @Test
  void brokenHelperHidesItsOutput() throws Exception {
    Path bin = helper("broken", "secret-in-output", 3);
    Path broken = config("{\"credsStore\":\"broken\"}");

    assertThatThrownBy(() -> store(broken, bin).find(HOST))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("docker-credential-broken get failed with exit code 3");
    Path missing = config("{\"credsStore\":\"absent\"}");
    assertThatThrownBy(() -> store(missing, bin).find(HOST))
        .hasMessage(
            "credential helper docker-credential-absent not found on PATH; install it or remove it from the auth file");
  }

  @Test
  void malformedFileNamesTheFile() throws Exception {
    Path file = config("{\"auths\":{\"" + HOST + "\":{\"auth\":\"not base64!\"}}}");
    Path notJson = temp.resolve("broken.json");
    Files.writeString(notJson, "{");

    assertThatThrownBy(() -> store(file, null).find(HOST))
        .hasMessage(file + ": the auth entry for " + HOST + " is not valid base64");
    assertThatThrownBy(() -> store(notJson, null).find(HOST))
        .hasMessageStartingWith(notJson + ": invalid JSON");
  }

  @Test
  void brokenFileNamesPlaceButNotSecret() throws Exception {
    Path file = config("{\"auths\": {\"" + HOST + "\": {\"auth\": dXNlcjpodW50ZXIy}}}");

    assertThatThrownBy(() -> store(file, null).find(HOST))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": invalid JSON at line 1, column ")
        .hasMessageContaining(": unrecognized token: was expecting")
        .hasMessageNotContaining("dXNlcjpodW50ZXIy")
        .hasMessageNotContaining("Source:")
        .hasMessageNotContaining("REDACTED");
  }

  @Test
  void missingFileMeansAnonymous() throws Exception {
    assertThat(store(temp.resolve("absent.json"), null).find(HOST)).isEmpty();
  }

  @Test
  void authFileComesFromEnvironment() {
    Path home = Path.of("/home/someone");

    assertThat(
            CredentialStore.authFile(
                Map.of("REGISTRY_AUTH_FILE", "/run/auth.json", "DOCKER_CONFIG", "/etc/docker"),
                home))
        .isEqualTo(Path.of("/run/auth.json"));
    assertThat(CredentialStore.authFile(Map.of("DOCKER_CONFIG", "/etc/docker"), home))
        .isEqualTo(Path.of("/etc/docker/config.json"));
    assertThat(CredentialStore.authFile(Map.of(), home))
        .isEqualTo(Path.of("/home/someone/.docker/config.json"));
  }

  @Test
  void credentialsNeverShowTheirSecret() {
    assertThat(Credentials.basic("user", "hunter2").toString()).isEqualTo("Credentials[user, ***]");
    assertThat(Credentials.identity("tok").toString()).isEqualTo("Credentials[identity token]");
  }
}
