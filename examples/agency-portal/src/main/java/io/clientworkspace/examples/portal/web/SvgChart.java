package io.clientworkspace.examples.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Bar and line charts drawn on the server as inline SVG: no script, no external asset, no web font. Each chart is
 * an {@code <svg role="img">} labelled by its own {@code <title>} and {@code <desc>}; it has axis titles, a value
 * scale, a label under each category and a value label at each bar or point (a missing value reads "–"), and
 * tells its series apart without colour: bars by fill pattern (solid, hatched, dotted, cross-hatched), lines by
 * marker shape (circle, square, triangle, diamond) and dash pattern, each named in a legend. Every text of the
 * caller (title, description, labels, series names, formatted values) is escaped, and characters XML does not
 * allow are dropped, so the result is well-formed XML that can be put into a page as is.
 *
 * <p>The same {@link Chart} also gives the rows of the data table shown beside it ({@link #table(Chart)}), so the
 * table and the drawing never disagree.
 */
public final class SvgChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    private static final double TOP = 48;
    private static final double BOTTOM = 56;
    private static final int TICKS = 4;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,59}");
    private static final String[] FILLS = {"#1D4ED8", "#B45309", "#047857", "#7C3AED"};
    private static final String[] DASHES = {"", "7 4", "2 3", "10 3 2 3"};
    private static final String INK = "#1F2937";
    private static final String MUTED = "#6B7280";

    private SvgChart() {
    }

    /**
     * One named series of values, one per category of its chart; an empty value is a gap (no bar, a break in the
     * line, "–" as its label).
     */
    public record Series(String name, List<OptionalDouble> values) {
        public Series {
            requireNonNull(name, "name must not be null");
            values = List.copyOf(requireNonNull(values, "values must not be null"));
        }

        /** A series without gaps. */
        public static Series of(String name, double... values) {
            List<OptionalDouble> list = new ArrayList<>();
            for (double v : values) {
                list.add(OptionalDouble.of(v));
            }
            return new Series(name, list);
        }
    }

    /**
     * What a chart shows: its {@code id} (a lower-case slug, unique on the page: the ids of its title, description
     * and patterns start with it), title, description (what a screen reader reads), the titles of its axes, the
     * category labels (x axis, in order), one or more series with a value per category, and how values are written.
     * Values must be finite and not negative (counts, durations, rates).
     */
    public record Chart(String id, String title, String description, String xAxis, String yAxis, List<String> labels,
                        List<Series> series, DoubleFunction<String> format) {
        public Chart {
            requireNonNull(id, "id must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(description, "description must not be null");
            requireNonNull(xAxis, "xAxis must not be null");
            requireNonNull(yAxis, "yAxis must not be null");
            labels = List.copyOf(requireNonNull(labels, "labels must not be null"));
            series = List.copyOf(requireNonNull(series, "series must not be null"));
            requireNonNull(format, "format must not be null");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("id must be a lower-case slug: " + id);
            }
            if (series.isEmpty() || series.size() > FILLS.length) {
                throw new IllegalArgumentException("a chart has 1 to " + FILLS.length + " series");
            }
            for (Series s : series) {
                if (s.values().size() != labels.size()) {
                    throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                            + " values for " + labels.size() + " labels");
                }
                for (OptionalDouble v : s.values()) {
                    if (v.isPresent() && (!Double.isFinite(v.getAsDouble()) || v.getAsDouble() < 0)) {
                        throw new IllegalArgumentException("values must be finite and not negative: " + v.getAsDouble());
                    }
                }
            }
        }

        /** Whether no series has any value (the chart then says so instead of drawing). */
        public boolean empty() {
            return series.stream().allMatch(s -> s.values().stream().noneMatch(OptionalDouble::isPresent));
        }

        /** A value as the chart writes it; "–" for a gap. */
        public String written(OptionalDouble value) {
            return value.isPresent() ? format.apply(value.getAsDouble()) : "–";
        }
    }

    /** The data table of a chart: a header row (the x axis title, then each series' name) and one row per label. */
    public record Table(List<String> header, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** The chart's data as a table: one row per category, one column per series, values written as in the chart. */
    public static Table table(Chart chart) {
        List<String> header = new ArrayList<>();
        header.add(chart.xAxis());
        chart.series().forEach(s -> header.add(s.name()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < chart.labels().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(chart.labels().get(i));
            for (Series s : chart.series()) {
                row.add(chart.written(s.values().get(i)));
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /** A bar chart: one group of bars per category, one bar per series, each series with its own fill pattern. */
    public static String bar(Chart chart) {
        return draw(chart, true);
    }

    /** A line chart: one line per series through a point per category, with its own marker shape and dash. */
    public static String line(Chart chart) {
        return draw(chart, false);
    }

    private static String draw(Chart chart, boolean bars) {
        requireNonNull(chart, "chart must not be null");
        String id = chart.id();
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(bars ? "chart-bar" : "chart-line")
                .append("\" id=\"").append(id).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\"")
                .append(" font-family=\"system-ui, sans-serif\" font-size=\"11\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(text(chart.title())).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(text(chart.description())).append("</desc>");
        if (bars) {
            patterns(svg, chart);
        }
        double plotLeft = LEFT;
        double plotRight = WIDTH - RIGHT;
        double plotTop = TOP;
        double plotBottom = HEIGHT - BOTTOM;
        double[] scale = scale(chart.series().stream().flatMap(s -> s.values().stream())
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).max().orElse(0), chart.format());
        int ticks = (int) scale[1];
        double max = scale[0] * ticks;

        // The value scale: gridlines with their values, then the axes and their titles.
        svg.append("<g class=\"scale\" fill=\"").append(MUTED).append("\">");
        for (int t = 0; t <= ticks; t++) {
            double value = scale[0] * t;
            double y = plotBottom - (plotBottom - plotTop) * t / ticks;
            svg.append("<line x1=\"").append(n(plotLeft)).append("\" x2=\"").append(n(plotRight)).append("\" y1=\"")
                    .append(n(y)).append("\" y2=\"").append(n(y)).append("\" stroke=\"#D1D5DB\"")
                    .append(t == 0 ? "" : " stroke-dasharray=\"2 3\"").append("/>");
            svg.append("<text class=\"tick\" x=\"").append(n(plotLeft - 6)).append("\" y=\"").append(n(y + 4))
                    .append("\" text-anchor=\"end\">").append(text(chart.format().apply(value))).append("</text>");
        }
        svg.append("</g>");
        svg.append("<line class=\"axis\" x1=\"").append(n(plotLeft)).append("\" x2=\"").append(n(plotLeft))
                .append("\" y1=\"").append(n(plotTop)).append("\" y2=\"").append(n(plotBottom))
                .append("\" stroke=\"").append(INK).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(n(plotLeft)).append("\" x2=\"").append(n(plotRight))
                .append("\" y1=\"").append(n(plotBottom)).append("\" y2=\"").append(n(plotBottom))
                .append("\" stroke=\"").append(INK).append("\"/>");
        svg.append("<text class=\"axis-title axis-y\" x=\"14\" y=\"").append(n((plotTop + plotBottom) / 2))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ").append(n((plotTop + plotBottom) / 2))
                .append(")\" fill=\"").append(INK).append("\">").append(text(chart.yAxis())).append("</text>");
        svg.append("<text class=\"axis-title axis-x\" x=\"").append(n((plotLeft + plotRight) / 2)).append("\" y=\"")
                .append(HEIGHT - 8).append("\" text-anchor=\"middle\" fill=\"").append(INK).append("\">")
                .append(text(chart.xAxis())).append("</text>");

        int count = chart.labels().size();
        double slot = count == 0 ? 0 : (plotRight - plotLeft) / count;
        svg.append("<g class=\"labels\" fill=\"").append(INK).append("\">");
        for (int i = 0; i < count; i++) {
            svg.append("<text class=\"category\" x=\"").append(n(plotLeft + slot * (i + 0.5))).append("\" y=\"")
                    .append(n(plotBottom + 16)).append("\" text-anchor=\"middle\">").append(text(chart.labels().get(i)))
                    .append("</text>");
        }
        svg.append("</g>");

        legend(svg, chart, bars);
        if (chart.empty()) {
            svg.append("<text class=\"no-data\" x=\"").append(n((plotLeft + plotRight) / 2)).append("\" y=\"")
                    .append(n((plotTop + plotBottom) / 2)).append("\" text-anchor=\"middle\" fill=\"").append(MUTED)
                    .append("\">No data for this period</text>");
        } else if (bars) {
            bars(svg, chart, plotLeft, plotBottom, plotBottom - plotTop, slot, max);
        } else {
            lines(svg, chart, plotLeft, plotBottom, plotBottom - plotTop, slot, max);
        }
        return svg.append("</svg>").toString();
    }

    private static void patterns(StringBuilder svg, Chart chart) {
        svg.append("<defs>");
        for (int s = 0; s < chart.series().size(); s++) {
            String fill = FILLS[s];
            svg.append("<pattern id=\"").append(chart.id()).append("-fill-").append(s)
                    .append("\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">");
            switch (s) {
                case 0 -> svg.append("<rect width=\"8\" height=\"8\" fill=\"").append(fill).append("\"/>");
                case 1 -> svg.append("<rect width=\"8\" height=\"8\" fill=\"#FFFFFF\"/><path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"")
                        .append(fill).append("\" stroke-width=\"2.5\"/>");
                case 2 -> svg.append("<rect width=\"8\" height=\"8\" fill=\"#FFFFFF\"/><circle cx=\"4\" cy=\"4\" r=\"2\" fill=\"")
                        .append(fill).append("\"/>");
                default -> svg.append("<rect width=\"8\" height=\"8\" fill=\"#FFFFFF\"/><path d=\"M0,0 l8,8 M8,0 l-8,8\" stroke=\"")
                        .append(fill).append("\" stroke-width=\"1.5\"/>");
            }
            svg.append("</pattern>");
        }
        svg.append("</defs>");
    }

    private static void legend(StringBuilder svg, Chart chart, boolean bars) {
        svg.append("<g class=\"legend\" fill=\"").append(INK).append("\">");
        double x = LEFT;
        for (int s = 0; s < chart.series().size(); s++) {
            String name = chart.series().get(s).name();
            svg.append("<g class=\"legend-item\">");
            if (bars) {
                svg.append("<rect x=\"").append(n(x)).append("\" y=\"14\" width=\"14\" height=\"14\" fill=\"url(#")
                        .append(chart.id()).append("-fill-").append(s).append(")\" stroke=\"").append(FILLS[s]).append("\"/>");
            } else {
                svg.append("<line x1=\"").append(n(x)).append("\" x2=\"").append(n(x + 22)).append("\" y1=\"21\" y2=\"21\"")
                        .append(stroke(s)).append("/>");
                marker(svg, s, x + 11, 21);
            }
            double textX = x + (bars ? 20 : 28);
            svg.append("<text x=\"").append(n(textX)).append("\" y=\"25\">").append(text(name)).append("</text>");
            svg.append("</g>");
            x = textX + 7 * name.length() + 18;
        }
        svg.append("</g>");
    }

    private static void bars(StringBuilder svg, Chart chart, double left, double bottom, double height, double slot,
                             double max) {
        int seriesCount = chart.series().size();
        double group = slot * 0.72;
        double width = group / seriesCount;
        for (int s = 0; s < seriesCount; s++) {
            Series series = chart.series().get(s);
            svg.append("<g class=\"series\" data-series=\"").append(text(series.name())).append("\">");
            for (int i = 0; i < chart.labels().size(); i++) {
                OptionalDouble value = series.values().get(i);
                double x = left + slot * i + (slot - group) / 2 + width * s;
                String label = chart.labels().get(i);
                if (value.isEmpty()) {
                    svg.append("<text class=\"value missing\" x=\"").append(n(x + width / 2)).append("\" y=\"")
                            .append(n(bottom - 4)).append("\" text-anchor=\"middle\" fill=\"").append(MUTED)
                            .append("\">–</text>");
                    continue;
                }
                double h = height * value.getAsDouble() / max;
                String written = chart.format().apply(value.getAsDouble());
                svg.append("<rect class=\"bar\" x=\"").append(n(x + 1)).append("\" y=\"").append(n(bottom - h))
                        .append("\" width=\"").append(n(Math.max(width - 2, 1))).append("\" height=\"").append(n(h))
                        .append("\" fill=\"url(#").append(chart.id()).append("-fill-").append(s).append(")\" stroke=\"")
                        .append(FILLS[s]).append("\" data-label=\"").append(text(label)).append("\" data-value=\"")
                        .append(text(written)).append("\"><title>").append(text(series.name() + ", " + label + ": " + written))
                        .append("</title></rect>");
                svg.append("<text class=\"value\" x=\"").append(n(x + width / 2)).append("\" y=\"").append(n(bottom - h - 4))
                        .append("\" text-anchor=\"middle\" fill=\"").append(INK).append("\">").append(text(written))
                        .append("</text>");
            }
            svg.append("</g>");
        }
    }

    private static void lines(StringBuilder svg, Chart chart, double left, double bottom, double height, double slot,
                              double max) {
        for (int s = 0; s < chart.series().size(); s++) {
            Series series = chart.series().get(s);
            svg.append("<g class=\"series\" data-series=\"").append(text(series.name())).append("\">");
            // One polyline per run of values: a gap breaks the line rather than drawing through it.
            StringBuilder run = new StringBuilder();
            int runLength = 0;
            for (int i = 0; i <= chart.labels().size(); i++) {
                OptionalDouble value = i < chart.labels().size() ? series.values().get(i) : OptionalDouble.empty();
                if (value.isPresent()) {
                    double x = left + slot * (i + 0.5);
                    double y = bottom - height * value.getAsDouble() / max;
                    run.append(runLength == 0 ? "" : " ").append(n(x)).append(',').append(n(y));
                    runLength++;
                } else {
                    if (runLength > 1) {
                        svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(run).append('"')
                                .append(stroke(s)).append("/>");
                    }
                    run.setLength(0);
                    runLength = 0;
                }
            }
            for (int i = 0; i < chart.labels().size(); i++) {
                OptionalDouble value = series.values().get(i);
                double x = left + slot * (i + 0.5);
                String label = chart.labels().get(i);
                if (value.isEmpty()) {
                    svg.append("<text class=\"value missing\" x=\"").append(n(x)).append("\" y=\"").append(n(bottom - 4 - 12 * s))
                            .append("\" text-anchor=\"middle\" fill=\"").append(MUTED).append("\">–</text>");
                    continue;
                }
                double y = bottom - height * value.getAsDouble() / max;
                String written = chart.format().apply(value.getAsDouble());
                svg.append("<g class=\"point\" data-label=\"").append(text(label)).append("\" data-value=\"")
                        .append(text(written)).append("\"><title>").append(text(series.name() + ", " + label + ": " + written))
                        .append("</title>");
                marker(svg, s, x, y);
                svg.append("</g>");
                // Alternate the label above and below the point so that two series' labels rarely overlap.
                double labelY = s % 2 == 0 ? y - 8 : Math.min(y + 16, bottom - 2);
                svg.append("<text class=\"value\" x=\"").append(n(x)).append("\" y=\"").append(n(labelY))
                        .append("\" text-anchor=\"middle\" fill=\"").append(INK).append("\">").append(text(written))
                        .append("</text>");
            }
            svg.append("</g>");
        }
    }

    private static String stroke(int s) {
        return " stroke=\"" + FILLS[s] + "\" stroke-width=\"2\"" + (DASHES[s].isEmpty() ? "" : " stroke-dasharray=\"" + DASHES[s] + "\"");
    }

    private static void marker(StringBuilder svg, int s, double x, double y) {
        String fill = FILLS[s];
        switch (s) {
            case 0 -> svg.append("<circle class=\"marker\" cx=\"").append(n(x)).append("\" cy=\"").append(n(y))
                    .append("\" r=\"4\" fill=\"").append(fill).append("\"/>");
            case 1 -> svg.append("<rect class=\"marker\" x=\"").append(n(x - 4)).append("\" y=\"").append(n(y - 4))
                    .append("\" width=\"8\" height=\"8\" fill=\"#FFFFFF\" stroke=\"").append(fill).append("\" stroke-width=\"2\"/>");
            case 2 -> svg.append("<path class=\"marker\" d=\"M").append(n(x)).append(',').append(n(y - 5)).append(" L")
                    .append(n(x + 5)).append(',').append(n(y + 4)).append(" L").append(n(x - 5)).append(',').append(n(y + 4))
                    .append(" Z\" fill=\"").append(fill).append("\"/>");
            default -> svg.append("<path class=\"marker\" d=\"M").append(n(x)).append(',').append(n(y - 5)).append(" L")
                    .append(n(x + 5)).append(',').append(n(y)).append(" L").append(n(x)).append(',').append(n(y + 5))
                    .append(" L").append(n(x - 5)).append(',').append(n(y)).append(" Z\" fill=\"#FFFFFF\" stroke=\"")
                    .append(fill).append("\" stroke-width=\"2\"/>");
        }
    }

    /**
     * The value scale: a step of 1, 2 or 5 times a power of ten, the smallest at least a quarter of the largest value
     * whose tick labels (as the chart writes them) all differ, and how many steps reach the largest value. So a chart
     * of small counts gets whole-number ticks ("0", "1") rather than repeated rounded ones.
     *
     * @return {step, number of steps}
     */
    static double[] scale(double largest, DoubleFunction<String> format) {
        double top = largest > 0 ? largest : 1;
        double power = Math.pow(10, Math.floor(Math.log10(top / TICKS)));
        for (int k = 0; k < 40; k++) {
            for (double m : new double[] {1, 2, 5}) {
                double step = m * power * Math.pow(10, k);
                if (step < top / TICKS) {
                    continue;
                }
                int steps = (int) Math.max(1, Math.ceil(top / step - 1e-9));
                java.util.Set<String> labels = new java.util.HashSet<>();
                for (int t = 0; t <= steps; t++) {
                    labels.add(format.apply(step * t));
                }
                if (labels.size() == steps + 1) {
                    return new double[] {step, steps};
                }
            }
        }
        return new double[] {top, 1};
    }

    /** Text for an SVG element or attribute: markup characters escaped, characters XML does not allow dropped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000 && c <= 0x10FFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
