package dev.temper.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.audit.image.CheckResult;
import dev.temper.audit.image.Evidence;
import dev.temper.audit.image.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a report and opens it in Debian's headless Chromium, which must be installed. */
class HtmlReportTest {
  @TempDir Path dir;

  private static List<ImageSummary> images() {
    CheckResult shellFail =
        new CheckResult(
            "TA001",
            null,
            Level.FAIL,
            "No shell in the image",
            List.of(Evidence.file("usr/bin/bash", null, "file")),
            "remove");
    CheckResult shellPass =
        new CheckResult("TA001", null, Level.PASS, "No shell in the image", List.of(), "remove");
    return List.of(
        new ImageSummary(
            "oci:typical",
            "sha256:" + "a".repeat(64),
            98_000_000L,
            211,
            Map.of("deb", 211, "jdk", 1),
            Map.of("high", 12, "medium", 40, "low", 91),
            List.of(shellFail)),
        new ImageSummary(
            "oci:out/java17<hardened>",
            "sha256:" + "b".repeat(64),
            52_000_000L,
            31,
            Map.of("deb", 31, "jdk", 1),
            Map.of("low", 3),
            List.of(shellPass)));
  }

  @Test
  void pageHasSectionsAndNumbers() {
    String html = HtmlReport.render(images(), "2026-12-04T00:00:00Z");

    assertThat(html)
        .contains(
            "<section id=\"overview\">",
            "<section id=\"findings\">",
            "<section id=\"size\">",
            "<section id=\"audit\">",
            "<section id=\"sbom\">");
    assertThat(html).contains("<td class=\"packages\">211</td>", "<td class=\"packages\">31</td>");
    assertThat(html).contains("<td class=\"findings\">143</td>", "<td class=\"findings\">3</td>");
    assertThat(html).contains("oci:out/java17&lt;hardened&gt;");
    assertThat(html).doesNotContain("<script", "http://", "https://");
  }

  @Test
  void chromiumRendersScreenshotAndDom() throws Exception {
    Path page = dir.resolve("report.html");
    Files.writeString(
        page, HtmlReport.render(images(), "2026-12-04T00:00:00Z"), StandardCharsets.UTF_8);
    Path screenshot = dir.resolve("report.png");

    String dom = chromium(page, "--dump-dom");
    chromium(page, "--screenshot=" + screenshot, "--window-size=1000,1400");

    assertThat(dom).contains("Findings by severity", "Size and packages", "SBOM summary");
    assertThat(dom).contains(">143<", ">211<");
    assertThat(screenshot).exists();
    byte[] png = Files.readAllBytes(screenshot);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(png.length).isGreaterThan(10_000);
  }

  private String chromium(Path page, String... extra) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Path output = dir.resolve("chromium.out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(false)
            .redirectOutput(output.toFile())
            .redirectError(dir.resolve("chromium.err").toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("chromium.err"))).isZero();
    return Files.readString(output);
  }
}
