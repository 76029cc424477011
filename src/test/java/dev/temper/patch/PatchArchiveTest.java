package dev.temper.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.build.Lock;
import dev.temper.build.LockFiles;
import dev.temper.cache.ContentCache;
import dev.temper.testing.ProcessRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks and builds a small image from bookworm alone, then patches it with bookworm-security
 * against the real archive: the updates it lists, the CVEs their real changelogs name, and the
 * rebuilt image that has none left. Reads the mirror of the host's apt sources.
 */
@Tag("archive")
class PatchArchiveTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final String SPEC =
      "name: patched\n"
          + "architectures: [amd64]\n"
          + "repositories:\n"
          + "  - name: debian\n"
          + "    suites: [bookworm]\n"
          + "%s"
          + "packages: [libc6, libssl3, tzdata, base-files, libgnutls30, zlib1g]\n";
  private static final String SECURITY =
      "  - name: debian-security\n" + "    suites: [bookworm-security]\n";

  @TempDir Path dir;

  /** Runs the CLI through its public entry point, which lives in another package. */
  private static String[] run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Class<?> main = Class.forName("dev.temper.cli.Main");
    Method method = main.getMethod("run", String[].class, PrintWriter.class, PrintWriter.class);
    int code =
        (Integer) method.invoke(null, args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  private static String[] ok(String... args) throws Exception {
    String[] result = run(args);
    assertThat(result[0]).as(String.join(" ", args) + "\n" + result[2]).isEqualTo("0");
    return result;
  }

  /** The CVEs of the changelog text above the entry for {@code installed}, read by dpkg-deb. */
  private static Set<String> changelogCves(Path deb, String pkg, String installed)
      throws Exception {
    String script =
        "dpkg-deb --fsys-tarfile \"$0\" | tar -xO ./usr/share/doc/\"$1\"/changelog.Debian.gz"
            + " | zcat";
    ProcessRun read =
        ProcessRun.run(
                deb.getParent(),
                Map.of(),
                List.of(),
                List.of("sh", "-c", script, deb.toString(), pkg))
            .requireSuccess();
    String text = read.stdout();
    String header = "(" + installed + ")";
    int end = text.indexOf(header);
    assertThat(end).as("entry for " + installed + " in the changelog of " + pkg).isPositive();
    Set<String> cves = new LinkedHashSet<>();
    Matcher matcher = CVE.matcher(text.substring(0, end));
    while (matcher.find()) {
      cves.add(matcher.group());
    }
    return cves;
  }

  @Test
  void listsSecurityUpdatesWithTheirChangelogCvesAndAppliesThem() throws Exception {
    Path spec = dir.resolve("patched.yaml");
    Files.writeString(spec, String.format(SPEC, ""));
    String image = "oci:" + dir.resolve("layout") + ":base";
    ok("build", spec.toString(), "-o", image);
    Lock before = LockFiles.read(LockFiles.lockPathFor(spec));

    // The image itself, with the Debian defaults for its os-release codename.
    JsonNode fromImage = JSON.readTree(ok("patch", image, "--format", "json")[1]);
    assertThat(fromImage.get("suites").toString()).contains("bookworm-security");

    Files.writeString(spec, String.format(SPEC, SECURITY));
    JsonNode listing = JSON.readTree(ok("patch", spec.toString(), "--format", "json")[1]);
    JsonNode updates = listing.get("updates");
    assertThat(updates).as(listing.toString()).isNotEmpty();
    List<String> securityUpdates = new ArrayList<>();
    for (JsonNode update : updates) {
      if (update.get("suite").asText().equals("bookworm-security")) {
        securityUpdates.add(update.get("package").asText());
      }
    }
    assertThat(securityUpdates).isNotEmpty();
    for (String pkg : securityUpdates) {
      assertThat(fromImage.get("updates").toString()).contains("\"" + pkg + "\"");
    }

    JsonNode applied =
        JSON.readTree(ok("patch", spec.toString(), "--apply", "-o", image, "--format", "json")[1])
            .get("applied");
    assertThat(applied.get("changes")).isNotEmpty();
    assertThat(applied.get("before").get("digest").asText())
        .isNotEqualTo(applied.get("after").get("digest").asText());
    assertThat(applied.get("advisories").asText()).contains("no advisory database");

    // Each update's CVEs against a direct read of its new changelog.
    Lock after = LockFiles.read(LockFiles.lockPathFor(spec));
    ContentCache cache = ContentCache.fromEnvironment();
    int compared = 0;
    for (JsonNode update : updates) {
      String pkg = update.get("package").asText();
      Lock.Package pin =
          after.packages().stream().filter(p -> p.name().equals(pkg)).findFirst().orElseThrow();
      assertThat(pin.version()).isEqualTo(update.get("candidate").asText());
      if (!update.has("changelog") || !update.get("changelog").asText().contains(pkg + "/")) {
        continue;
      }
      Path deb = cache.find(pin.sha256()).orElseThrow();
      Set<String> expected = changelogCves(deb, pkg, update.get("installedSourceVersion").asText());
      List<String> listed = new ArrayList<>();
      update.get("cves").forEach(c -> listed.add(c.asText()));
      assertThat(listed).as(pkg).containsExactlyInAnyOrderElementsOf(expected);
      if (!expected.isEmpty()) {
        assertThat(applied.get("closedCves").toString()).contains(expected.iterator().next());
      }
      compared++;
    }
    assertThat(compared).isPositive();
    assertThat(before.packages()).isNotEqualTo(after.packages());

    JsonNode again = JSON.readTree(ok("patch", spec.toString(), "--format", "json")[1]);
    assertThat(again.get("updates")).isEmpty();
    JsonNode rebuilt =
        JSON.readTree(ok("patch", image, "--spec", spec.toString(), "--format", "json")[1]);
    assertThat(rebuilt.get("updates")).as(rebuilt.toString()).isEmpty();
  }
}
