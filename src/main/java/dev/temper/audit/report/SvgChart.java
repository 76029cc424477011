package dev.temper.audit.report;

import java.util.List;

/** Draws horizontal bar charts as inline SVG. */
final class SvgChart {
  private static final int LABEL_WIDTH = 220;
  private static final int BAR_WIDTH = 400;
  private static final int ROW_HEIGHT = 24;

  private SvgChart() {}

  static String bars(List<HtmlReport.Bar> bars, int max) {
    int height = bars.size() * ROW_HEIGHT + 8;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg role=\"img\" width=\"")
        .append(LABEL_WIDTH + BAR_WIDTH + 80)
        .append("\" height=\"")
        .append(height)
        .append("\">\n");
    for (int i = 0; i < bars.size(); i++) {
      HtmlReport.Bar bar = bars.get(i);
      int y = i * ROW_HEIGHT + 4;
      int width = max == 0 ? 0 : (int) Math.round((double) bar.value() / max * BAR_WIDTH);
      svg.append("<text x=\"0\" y=\"")
          .append(y + 16)
          .append("\" font-size=\"13\">")
          .append(HtmlReport.escape(shorten(bar.label())))
          .append("</text>")
          .append("<rect x=\"")
          .append(LABEL_WIDTH)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"18\" fill=\"")
          .append(bar.colour())
          .append("\"/>")
          .append("<text class=\"value\" x=\"")
          .append(LABEL_WIDTH + width + 6)
          .append("\" y=\"")
          .append(y + 14)
          .append("\" font-size=\"13\">")
          .append(bar.value())
          .append("</text>\n");
    }
    return svg.append("</svg>\n").toString();
  }

  private static String shorten(String label) {
    return label.length() > 30 ? "..." + label.substring(label.length() - 27) : label;
  }
}
