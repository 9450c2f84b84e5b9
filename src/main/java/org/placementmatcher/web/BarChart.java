package org.placementmatcher.web;

import io.quarkus.qute.RawString;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A horizontal bar chart drawn as SVG on the server (no chart library, no script), with its text alternative:
 * a caption naming every figure and a visually hidden table of the same figures. The SVG itself is hidden from
 * assistive technology, which reads the caption and the table instead. Colours and fonts come from CSS classes
 * ({@code pm-chart...} in /app/app.css); a target, where there is one, is a vertical line across the bars.
 *
 * @param id unique on the page (the caption's id)
 * @param title what the chart shows, e.g. "Children placed out of area"
 * @param bars one bar per figure, top to bottom; a bar without a value is left empty and said "not known"
 * @param target the target, or null for none
 * @param format how a value is written (e.g. "31.2%", "£12,345")
 */
public record BarChart(String id, String title, List<Bar> bars, Double target, DoubleFunction<String> format) {

    /** One bar: its label, its value (null: not known) and its series (CSS modifier: today or plan). */
    public record Bar(String label, Double value, String series) {}

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 200;
    static final int VALUE_WIDTH = 110;
    static final int BAR_HEIGHT = 28;
    static final int GAP = 12;
    static final int TOP = 30;

    /** The sentence under the chart: every figure in words, then the target. */
    public String caption() {
        StringBuilder text = new StringBuilder(title).append(": ");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            text.append(i == 0 ? "" : ", ").append(bar.label()).append(' ').append(written(bar.value()));
        }
        text.append(target == null ? "; no target set." : "; target " + format.apply(target) + " or less.");
        return text.toString();
    }

    /** The written value, or "not known". */
    String written(Double value) {
        return value == null ? "not known" : format.apply(value);
    }

    /** The figure: caption, SVG and the hidden table, as HTML (every text escaped). */
    public RawString html() {
        StringBuilder html = new StringBuilder();
        html.append("<figure class=\"pm-chart-figure\" aria-labelledby=\"")
                .append(escape(id))
                .append("-caption\">\n");
        html.append(svg());
        html.append("<figcaption class=\"govuk-body-s pm-chart-figure__caption\" id=\"")
                .append(escape(id))
                .append("-caption\">")
                .append(escape(caption()))
                .append("</figcaption>\n");
        html.append(table());
        html.append("</figure>\n");
        return new RawString(html.toString());
    }

    String svg() {
        int height = TOP + bars.size() * (BAR_HEIGHT + GAP);
        double scale = scaleMaximum();
        int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"pm-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" aria-hidden=\"true\" focusable=\"false\">\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = TOP + i * (BAR_HEIGHT + GAP);
            int length = bar.value() == null ? 0 : (int) Math.round(plot * Math.max(0, bar.value()) / scale);
            svg.append("  <text x=\"0\" y=\"")
                    .append(y + BAR_HEIGHT * 0.7)
                    .append("\">")
                    .append(escape(bar.label()))
                    .append("</text>\n");
            svg.append("  <rect class=\"pm-chart__bar pm-chart__bar--")
                    .append(escape(bar.series()))
                    .append("\" x=\"")
                    .append(LABEL_WIDTH)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(length)
                    .append("\" height=\"")
                    .append(BAR_HEIGHT)
                    .append("\"/>\n");
            svg.append("  <text x=\"")
                    .append(LABEL_WIDTH + length + 6)
                    .append("\" y=\"")
                    .append(y + BAR_HEIGHT * 0.7)
                    .append("\">")
                    .append(escape(written(bar.value())))
                    .append("</text>\n");
        }
        if (target != null) {
            long x = LABEL_WIDTH + Math.round(plot * Math.max(0, target) / scale);
            svg.append("  <line class=\"pm-chart__target\" x1=\"")
                    .append(x)
                    .append("\" x2=\"")
                    .append(x)
                    .append("\" y1=\"")
                    .append(TOP - 8)
                    .append("\" y2=\"")
                    .append(height)
                    .append("\"/>\n");
            svg.append("  <text class=\"pm-chart__target-label\" x=\"")
                    .append(x)
                    .append("\" y=\"16\" text-anchor=\"middle\">Target ")
                    .append(escape(format.apply(target)))
                    .append("</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    String table() {
        StringBuilder table = new StringBuilder();
        table.append("<table class=\"govuk-table govuk-visually-hidden\">\n  <caption>")
                .append(escape(title))
                .append(
                        "</caption>\n  <thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Value</th></tr></thead>\n")
                .append("  <tbody>\n");
        for (Bar bar : bars) {
            row(table, bar.label(), written(bar.value()));
        }
        row(table, "Target", target == null ? "none set" : format.apply(target) + " or less");
        table.append("  </tbody>\n</table>\n");
        return table.toString();
    }

    private static void row(StringBuilder table, String label, String value) {
        table.append("    <tr><th scope=\"row\">")
                .append(escape(label))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n");
    }

    /** The value at the right end of the plot: the largest figure or target with a little room, at least 1. */
    double scaleMaximum() {
        double max = target == null ? 0 : target;
        for (Bar bar : bars) {
            if (bar.value() != null) {
                max = Math.max(max, bar.value());
            }
        }
        return max <= 0 ? 1 : max * 1.1;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** "31.2%". */
    public static String percent(double value) {
        return String.format(Locale.UK, "%.1f%%", value);
    }

    /** "£12,345" (whole pounds). */
    public static String pounds(double value) {
        return String.format(Locale.UK, "£%,.0f", value);
    }

    /** "3". */
    public static String count(double value) {
        return String.format(Locale.UK, "%,.0f", value);
    }
}
