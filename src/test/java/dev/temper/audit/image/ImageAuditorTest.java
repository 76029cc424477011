package dev.temper.audit.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.archive.EntryType;
import dev.temper.oci.Digest;
import dev.temper.oci.ImageConfig;
import dev.temper.oci.image.ImageFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImageAuditorTest {
  private static final Digest LAYER = Digest.sha256(new byte[] {1});

  private static void add(FileFacts facts, String path, EntryType type, int mode, String content)
      throws Exception {
    byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
    String target = type == EntryType.SYMLINK ? content : null;
    long size = type == EntryType.FILE ? bytes.length : 0;
    facts.visit(
        new ImageFile(path, type, mode, 0, 0, target, size, 0, LAYER),
        new ByteArrayInputStream(type == EntryType.FILE ? bytes : new byte[0]));
  }

  private static ImageConfig config(String user, List<String> env, List<String> history) {
    return new ImageConfig(
        null,
        null,
        "amd64",
        "linux",
        null,
        new ImageConfig.RunConfig(user, null, env, null, null, null, null, null, null),
        new ImageConfig.RootFs("layers", List.of()),
        history.stream().map(h -> new ImageConfig.History(null, h, null, null)).toList());
  }

  private static Map<String, CheckResult> byId(List<CheckResult> results) {
    return results.stream().collect(Collectors.toMap(CheckResult::id, Function.identity()));
  }

  @Test
  void typicalImageFails() throws Exception {
    FileFacts facts = new FileFacts();
    add(facts, "usr/bin/bash", EntryType.FILE, 0755, "ELF");
    add(facts, "usr/bin/sh", EntryType.SYMLINK, 0777, "dash");
    add(facts, "usr/bin/dpkg", EntryType.FILE, 0755, "ELF");
    add(facts, "usr/bin/passwd", EntryType.FILE, 04755, "ELF");
    add(facts, "var/log/app", EntryType.DIRECTORY, 0777, null);
    add(facts, "tmp", EntryType.DIRECTORY, 01777, null);
    add(facts, "var/lock", EntryType.DIRECTORY, 01777, null);
    add(facts, "srv/shared.txt", EntryType.FILE, 0666, "x");
    add(facts, "root/.ssh/id_rsa", EntryType.FILE, 0600, "whatever");
    add(facts, "opt/app/key.pem", EntryType.FILE, 0644, "x\n-----BEGIN EC PRIVATE KEY-----\nabc\n");
    add(
        facts,
        "etc/passwd",
        EntryType.FILE,
        0644,
        "root:x:0:0::/root:/bin/bash\ntoor:x:0:0::/:/bin/sh\n");
    add(facts, "etc/group", EntryType.FILE, 0644, "root:x:0:\n");
    add(
        facts,
        "etc/shadow",
        EntryType.FILE,
        0640,
        "root::19000:0:99999:7:::\nnobody:*:19000::::::\n");
    add(
        facts,
        "var/lib/dpkg/status",
        EntryType.FILE,
        0644,
        "Package: a\nStatus: install ok installed\n\nPackage: b\nStatus: deinstall ok config-files\n");
    ImageConfig config =
        config(
            "",
            List.of("DB_PASSWORD=hunter2", "PATH=/usr/bin"),
            List.of("/bin/sh -c #(nop)  ENV API_TOKEN=abc123", "RUN make"));
    Map<String, String> annotations = Map.of(ImageAuditor.BASE_NAME, "debian:latest");

    Map<String, CheckResult> results =
        byId(
            ImageAuditor.audit(
                new ImageAuditor.Subject(config, annotations, false, false), facts, 1));

    assertThat(results.get("TA001").level()).isEqualTo(Level.FAIL);
    assertThat(results.get("TA001").evidence())
        .extracting(Evidence::path)
        .containsExactly("/usr/bin/bash", "/usr/bin/sh");
    assertThat(results.get("TA002").evidence())
        .extracting(Evidence::path)
        .containsExactly("/usr/bin/dpkg");
    assertThat(results.get("TA003").evidence())
        .extracting(Evidence::detail)
        .containsExactly("mode 4755");
    assertThat(results.get("TA004").evidence())
        .extracting(Evidence::path)
        .containsExactly("/var/log/app", "/srv/shared.txt");
    assertThat(results.get("TA005").level()).isEqualTo(Level.FAIL);
    assertThat(results.get("TA006").evidence())
        .extracting(Evidence::detail)
        .containsExactly("DB_PASSWORD=hu***");
    assertThat(results.get("TA007").evidence())
        .extracting(Evidence::configKey)
        .containsExactly("history[0].created_by");
    assertThat(results.get("TA008").evidence())
        .extracting(Evidence::path)
        .containsExactly("/root/.ssh/id_rsa", "/opt/app/key.pem");
    assertThat(results.get("TA009").level()).isEqualTo(Level.WARN);
    assertThat(results.get("TA010").level()).isEqualTo(Level.WARN);
    assertThat(results.get("TA011").level()).isEqualTo(Level.WARN);
    assertThat(results.get("TA012").level()).isEqualTo(Level.WARN);
    assertThat(results.get("TA013").evidence())
        .extracting(Evidence::detail)
        .containsExactly("uid 0 is shared by root and toor");
    assertThat(results.get("TA014").evidence())
        .extracting(Evidence::detail)
        .containsExactly("user root has an empty password");
    assertThat(results.get("TA015").evidence().get(0).detail()).startsWith("1 packages, 14 files");
  }

  @Test
  void hardenedImagePasses() throws Exception {
    FileFacts facts = new FileFacts();
    add(facts, "usr/bin/java", EntryType.SYMLINK, 0777, "/etc/alternatives/java");
    add(facts, "tmp", EntryType.DIRECTORY, 01777, null);
    add(
        facts,
        "etc/passwd",
        EntryType.FILE,
        0644,
        "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n");
    add(facts, "etc/shadow", EntryType.FILE, 0640, "root:!:1::::::\nnonroot:!:1::::::\n");
    add(facts, "var/lib/dpkg/status.d/libc6", EntryType.FILE, 0644, "Package: libc6\n");
    add(facts, "var/lib/dpkg/status.d/libc6.md5sums", EntryType.FILE, 0644, "x  y\n");
    ImageConfig config = config("65532:65532", List.of("PATH=/usr/bin"), List.of());
    Map<String, String> annotations =
        Map.of(
            ImageAuditor.BASE_NAME, "localhost/base:1", ImageAuditor.BASE_DIGEST, LAYER.toString());

    List<CheckResult> results =
        ImageAuditor.audit(new ImageAuditor.Subject(config, annotations, true, true), facts, 1);

    assertThat(results)
        .filteredOn(r -> r.level() == Level.FAIL || r.level() == Level.WARN)
        .isEmpty();
    assertThat(byId(results).get("TA015").evidence().get(0).detail()).startsWith("1 packages");
  }
}
