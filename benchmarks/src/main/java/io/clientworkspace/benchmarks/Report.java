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
        StringBuilder md = new StringBuilder(header);
        md.append("\n## Targets\n\n| benchmark | target | this run | met? |\n|---|---|---|---|\n");
        for (Target t : targets) {
            md.append("| ").append(t.benchmark()).append(" | ").append(t.target()).append(" | ").append(t.measured())
                    .append(" | ").append(t.met() == null ? (t.noNumericTarget() ? "(no target)"
                            : t.notApplicable() ? "(not applicable)" : "not measured") : t.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        List<Target> missed = targets.stream().filter(t -> Boolean.FALSE.equals(t.met())).toList();
        if (!missed.isEmpty()) {
            md.append("\n### Missed targets: why, and what would fix them\n\n");
            for (Target t : missed) {
                md.append("- **").append(t.benchmark()).append(". ").append(t.target()).append("** (").append(t.measured())
                        .append("). ").append(t.note().isEmpty() ? "Not analysed in this run." : t.note()).append('\n');
            }
        }
        md.append('\n').append(body);
        return md.toString();
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
