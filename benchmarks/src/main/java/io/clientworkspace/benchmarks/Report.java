package io.clientworkspace.benchmarks;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown of RESULTS.md, assembled section by section, with the targets and whether each was met. */
final class Report {

    /**
     * One target of the issue and how this run did against it; {@code met} is null only when there is no
     * numeric target (the target says "no numeric target") or it does not apply to this run (the measured
     * text starts with "not applicable"); anything else unmeasured counts as missed. {@code note} says why a
     * target was missed and what would fix it.
     */
    record Target(String benchmark, String target, String measured, @Nullable Boolean met, String note) {
        Target(String benchmark, String target, String measured, @Nullable Boolean met) {
            this(benchmark, target, measured, met, "");
        }

        boolean noNumericTarget() {
            return target.contains("no numeric target");
        }

        boolean notApplicable() {
            return measured.startsWith("not applicable");
        }

        /** Null {@code met} without a reason: a bug in the runner, reported as "not measured". */
        boolean unmeasured() {
            return met == null && !noNumericTarget() && !notApplicable();
        }
    }

    private final StringBuilder body = new StringBuilder();
    private final List<Target> targets = new ArrayList<>();

    void add(String markdown) {
        body.append(markdown);
        if (!markdown.endsWith("\n")) {
            body.append('\n');
        }
        body.append('\n');
    }

    void target(String benchmark, String target, String measured, @Nullable Boolean met) {
        targets.add(new Target(benchmark, target, measured, met));
    }

    void target(Target target) {
        targets.add(target);
    }

    List<Target> targets() {
        return targets;
    }

    String render(String header) {
        return assemble(header, targets.stream().map(Report::row).toList(),
                targets.stream().filter(t -> Boolean.FALSE.equals(t.met())).map(Report::missedLine).toList(), body.toString());
    }

    private static String assemble(String header, List<String> rows, List<String> missed, String body) {
        StringBuilder md = new StringBuilder(header);
        md.append("\n## Targets\n\n| benchmark | target | this run | met? |\n|---|---|---|---|\n");
        rows.forEach(md::append);
        if (!missed.isEmpty()) {
            md.append("\n### Missed targets: why, and what would fix them\n\n");
            missed.forEach(md::append);
        }
        md.append('\n').append(body);
        return md.toString();
    }

    /** A target's row of the targets table, with its line break. */
    private static String row(Target t) {
        return "| " + t.benchmark() + " | " + t.target() + " | " + t.measured() + " | "
                + (t.met() == null ? (t.noNumericTarget() ? "(no target)" : t.notApplicable() ? "(not applicable)"
                : "not measured") : t.met() ? "yes" : "**no**") + " |\n";
    }

    /** A missed target's line of "why, and what would fix them", with its line break. */
    private static String missedLine(Target t) {
        return "- **" + t.benchmark() + ". " + t.target() + "** (" + t.measured() + "). "
                + (t.note().isEmpty() ? "Not analysed in this run." : t.note()) + "\n";
    }

    /**
     * The report of a run of only some sections ({@code --only}) merged into an earlier report
     * {@code previous} (as {@link #render} wrote it): the sections numbered in {@code sections}, their target
     * rows and their missed-target notes are replaced by this run's (or added, in number order); everything else
     * of {@code previous} stays as it was, its header with {@code note} (a paragraph saying when and how the
     * replaced sections were measured) in place of any earlier note on the same sections.
     */
    String mergeInto(String previous, java.util.Set<String> sections, String note) {
        int targetsAt = previous.indexOf("\n## Targets\n");
        if (targetsAt < 0) {
            throw new IllegalArgumentException("the previous report has no targets table");
        }
        String header = previous.substring(0, targetsAt + 1);
        String rest = previous.substring(targetsAt + 1);
        int bodyAt = rest.indexOf("\n## ", 1);
        String targetPart = bodyAt < 0 ? rest : rest.substring(0, bodyAt + 1);
        String oldBody = bodyAt < 0 ? "" : rest.substring(bodyAt + 1);

        // The header: the earlier note on these sections (if any) goes; this run's note comes last.
        List<String> paragraphs = new ArrayList<>(List.of(header.split("\n\n", -1)));
        paragraphs.removeIf(p -> p.startsWith(SEPARATE_RUN) && p.contains("--only=" + String.join(",", new java.util.TreeSet<>(sections))));
        while (!paragraphs.isEmpty() && paragraphs.get(paragraphs.size() - 1).isBlank()) {
            paragraphs.remove(paragraphs.size() - 1);
        }
        paragraphs.add(note.strip());
        String newHeader = String.join("\n\n", paragraphs) + "\n";

        java.util.TreeMap<String, List<String>> rows = new java.util.TreeMap<>(Report::compareSections);
        java.util.TreeMap<String, List<String>> missed = new java.util.TreeMap<>(Report::compareSections);
        for (String line : targetPart.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| benchmark |")) {
                String number = line.substring(2, line.indexOf(" |", 2)).strip();
                if (!sections.contains(number)) {
                    rows.computeIfAbsent(number, k -> new ArrayList<>()).add(line + "\n");
                }
            } else if (line.startsWith("- **")) {
                String number = line.substring(4, line.indexOf('.', 4));
                if (!sections.contains(number)) {
                    missed.computeIfAbsent(number, k -> new ArrayList<>()).add(line + "\n");
                }
            }
        }
        for (Target t : targets) {
            rows.computeIfAbsent(t.benchmark(), k -> new ArrayList<>()).add(row(t));
            if (Boolean.FALSE.equals(t.met())) {
                missed.computeIfAbsent(t.benchmark(), k -> new ArrayList<>()).add(missedLine(t));
            }
        }

        java.util.TreeMap<String, String> bodies = new java.util.TreeMap<>(Report::compareSections);
        splitSections(oldBody).forEach((number, text) -> {
            if (!sections.contains(number)) {
                bodies.put(number, text);
            }
        });
        bodies.putAll(splitSections(body.toString()));
        return assemble(newHeader, rows.values().stream().flatMap(List::stream).toList(),
                missed.values().stream().flatMap(List::stream).toList(), String.join("", bodies.values()));
    }

    /** How the header's note on a separate run of some sections begins. */
    static final String SEPARATE_RUN = "**Sections measured in a separate run:";

    /** A body's sections ("## 3. ...") by their number, each with its trailing blank line. */
    private static java.util.Map<String, String> splitSections(String body) {
        List<Integer> starts = new ArrayList<>();
        if (body.startsWith("## ")) {
            starts.add(0);
        }
        for (int at = body.indexOf("\n## "); at >= 0; at = body.indexOf("\n## ", at + 1)) {
            starts.add(at + 1);
        }
        java.util.Map<String, String> sections = new java.util.LinkedHashMap<>();
        for (int k = 0; k < starts.size(); k++) {
            String text = body.substring(starts.get(k), k + 1 < starts.size() ? starts.get(k + 1) : body.length());
            sections.put(text.substring(3, text.indexOf('.', 3)), text);
        }
        return sections;
    }

    private static int compareSections(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** A time given in {@code unit} ("ns" or "us"), in the most readable unit. */
    static String time(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double ns = unit.equals("us") ? value * 1_000 : value;
        if (ns < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, ns < 10_000 ? "%.2f µs" : "%.0f µs", ns / 1_000);
        }
        return String.format(Locale.ROOT, "%.2f ms", ns / 1_000_000);
    }

    /** A time with its 99.9 % confidence half-width. */
    static String time(double value, double error, String unit) {
        if (Double.isNaN(error) || Double.isNaN(value)) {
            return time(value, unit);
        }
        return time(value, unit) + " ± " + time(error, unit);
    }

    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "n/a";
        }
        if (r >= 10) {
            return String.format(Locale.ROOT, "%,.0f×", r);
        }
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    static String number(double n) {
        if (Double.isNaN(n)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, n >= 100 ? "%,.0f" : "%.1f", n);
    }

    /** Operations per second with their 99.9 % confidence half-width when known. */
    static String rate(double perSecond, double error) {
        if (Double.isNaN(perSecond)) {
            return "n/a";
        }
        return number(perSecond) + (Double.isNaN(error) ? "" : " ± " + number(error)) + "/s";
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
