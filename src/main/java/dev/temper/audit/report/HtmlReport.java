package dev.temper.audit.report;

import dev.temper.audit.image.CheckResult;
import dev.temper.audit.image.Level;
import java.util.List;
import java.util.Map;

/**
 * Renders one self-contained HTML page for one image or several side by side: findings by severity,
 * size and package count, audit results and the SBOM summary. Charts are inline SVG; the page loads
 * nothing from the network and runs no script.
 */
public final class HtmlReport {
  static final List<String> SEVERITIES =
      List.of("critical", "high", "medium", "low", "negligible", "unknown");
  private static final Map<String, String> SEVERITY_COLOURS =
      Map.of(
          "critical",
          "#7b1fa2",
          "high",
          "#c62828",
          "medium",
          "#ef6c00",
          "low",
          "#f9a825",
          "unknown",
          "#757575");

  private HtmlReport() {}

  /** Returns the page for the images, in the order given. */
  public static String render(List<ImageSummary> images, String generatedAt) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>temper report</title>\n<style>\n")
        .append(
            "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append(
            "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}")
        .append(
            ".FAIL{color:#c62828;font-weight:bold}.WARN{color:#ef6c00}.PASS{color:#2e7d32}.INFO{color:#555}")
        .append("section{margin-bottom:2em}\n</style>\n</head>\n<body>\n")
        .append("<h1>temper report</h1>\n<p>Generated ")
        .append(escape(generatedAt))
        .append(" for ")
        .append(images.size())
        .append(images.size() == 1 ? " image" : " images")
        .append(".</p>\n");
    overview(html, images);
    findings(html, images);
    sizes(html, images);
    audit(html, images);
    sbom(html, images);
    return html.append("</body>\n</html>\n").toString();
  }

  private static void overview(StringBuilder html, List<ImageSummary> images) {
    html.append(
        "<section id=\"overview\">\n<h2>Images</h2>\n<table>\n<tr><th>image</th><th>digest</th><th>size (bytes)</th><th>packages</th><th>findings</th><th>audit failures</th></tr>\n");
    for (ImageSummary image : images) {
      html.append("<tr><td>")
          .append(escape(image.name()))
          .append("</td><td><code>")
          .append(escape(image.digest()))
          .append("</code></td><td class=\"size\">")
          .append(image.sizeBytes())
          .append("</td><td class=\"packages\">")
          .append(image.packageCount())
          .append("</td><td class=\"findings\">")
          .append(total(image.findingsBySeverity()))
          .append("</td><td class=\"failures\">")
          .append(count(image.audit(), Level.FAIL))
          .append("</td></tr>\n");
    }
    html.append("</table>\n</section>\n");
  }

  private static void findings(StringBuilder html, List<ImageSummary> images) {
    html.append("<section id=\"findings\">\n<h2>Findings by severity</h2>\n");
    int max = 1;
    for (ImageSummary image : images) {
      for (String severity : SEVERITIES) {
        max = Math.max(max, image.findingsBySeverity().getOrDefault(severity, 0));
      }
    }
    for (ImageSummary image : images) {
      html.append("<h3>").append(escape(image.name())).append("</h3>\n");
      List<Bar> bars =
          SEVERITIES.stream()
              .map(
                  s ->
                      new Bar(
                          s,
                          image.findingsBySeverity().getOrDefault(s, 0),
                          SEVERITY_COLOURS.get(s)))
              .toList();
      html.append(SvgChart.bars(bars, max));
    }
    html.append("</section>\n");
  }

  private static void sizes(StringBuilder html, List<ImageSummary> images) {
    html.append(
        "<section id=\"size\">\n<h2>Size and packages</h2>\n<h3>Compressed size (MiB)</h3>\n");
    long maxSize = images.stream().mapToLong(ImageSummary::sizeBytes).max().orElse(1);
    html.append(
        SvgChart.bars(
            images.stream()
                .map(i -> new Bar(i.name(), (int) Math.round(i.sizeBytes() / 1048576.0), "#1565c0"))
                .toList(),
            (int) Math.max(1, Math.round(maxSize / 1048576.0))));
    html.append("<h3>Packages</h3>\n");
    int maxPackages = images.stream().mapToInt(ImageSummary::packageCount).max().orElse(1);
    html.append(
        SvgChart.bars(
            images.stream().map(i -> new Bar(i.name(), i.packageCount(), "#00838f")).toList(),
            Math.max(1, maxPackages)));
    html.append("</section>\n");
  }

  private static void audit(StringBuilder html, List<ImageSummary> images) {
    html.append("<section id=\"audit\">\n<h2>Audit</h2>\n<table>\n<tr><th>check</th>");
    for (ImageSummary image : images) {
      html.append("<th>").append(escape(image.name())).append("</th>");
    }
    html.append("</tr>\n");
    if (!images.isEmpty()) {
      for (int i = 0; i < images.get(0).audit().size(); i++) {
        CheckResult first = images.get(0).audit().get(i);
        html.append("<tr><td>")
            .append(first.id())
            .append(' ')
            .append(escape(first.title()))
            .append("</td>");
        for (ImageSummary image : images) {
          CheckResult result = i < image.audit().size() ? image.audit().get(i) : null;
          String level = result == null ? "-" : result.level().name();
          html.append("<td class=\"").append(level).append("\">").append(level);
          if (result != null && !result.evidence().isEmpty() && result.level() != Level.INFO) {
            html.append(" (").append(result.evidence().size()).append(')');
          }
          html.append("</td>");
        }
        html.append("</tr>\n");
      }
    }
    html.append("</table>\n</section>\n");
  }

  private static void sbom(StringBuilder html, List<ImageSummary> images) {
    html.append(
        "<section id=\"sbom\">\n<h2>SBOM summary</h2>\n<table>\n<tr><th>image</th><th>component type</th><th>count</th></tr>\n");
    for (ImageSummary image : images) {
      for (Map.Entry<String, Integer> entry : image.componentsByType().entrySet()) {
        html.append("<tr><td>")
            .append(escape(image.name()))
            .append("</td><td>")
            .append(escape(entry.getKey()))
            .append("</td><td>")
            .append(entry.getValue())
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n</section>\n");
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static long count(List<CheckResult> results, Level level) {
    return results.stream().filter(r -> r.level() == level).count();
  }

  /** Escapes text for HTML element content and attribute values. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  record Bar(String label, int value, String colour) {}
}
