package io.clientworkspace.examples.portal.web;

import io.clientworkspace.examples.portal.web.SvgChart.Chart;
import io.clientworkspace.examples.portal.web.SvgChart.Series;
import io.clientworkspace.insight.DurationStats;
import io.clientworkspace.insight.InsightReport;
import io.clientworkspace.insight.WeekPoint;
import io.clientworkspace.project.OnboardingFacts;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The Insights pages' charts, made from a report of the kit: each {@link ChartView} holds the drawing (inline SVG,
 * {@link SvgChart}) and the data table shown beside it, both from the same numbers.
 */
public final class InsightViews {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WEEK_LONG = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private InsightViews() {
    }

    /** A chart ready for the page: its id, heading, the SVG markup (escaped by {@link SvgChart}) and its table. */
    public record ChartView(String id, String title, String svg, SvgChart.Table table) {
    }

    /** A figure of the onboarding summary, e.g. "Contract signed to checklist complete" → "21 days (1 sample)". */
    public record Figure(String label, String value) {
    }

    /** The four charts of a report, with ids prefixed by {@code prefix} (so two reports may share a page). */
    static List<ChartView> charts(String prefix, InsightReport report) {
        List<WeekPoint> weeks = report.weeks();
        List<String> labels = weeks.stream().map(w -> WEEK.format(w.weekStart()) + (w.partial() ? "*" : "")).toList();
        String period = "the " + weeks.size() + " weeks from " + WEEK_LONG.format(report.from()) + " to "
                + WEEK_LONG.format(report.to()) + " (the week marked * is still running)";

        Chart active = new Chart(prefix + "-active-clients", "Weekly active client users",
                "Bar chart: distinct client users who visited, per week, over " + period + ".",
                "Week starting", "Client users", labels,
                List.of(new Series("Active clients", weeks.stream()
                        .map(w -> OptionalDouble.of(w.weeklyActiveClients())).toList())),
                v -> Long.toString(Math.round(v)));
        Chart turnaround = new Chart(prefix + "-approval-turnaround", "Approval turnaround",
                "Line chart: hours from an approval request to its decision, median and 90th percentile of the "
                        + "approvals decided each week, over " + period + ". Weeks without decisions have no point.",
                "Week starting", "Hours", labels,
                List.of(hours("Median", weeks, w -> w.approvalTurnaround().median()),
                        hours("90th percentile", weeks, w -> w.approvalTurnaround().p90())),
                InsightViews::hours);
        Chart requests = new Chart(prefix + "-request-times", "Client requests: first response and resolution",
                "Line chart: median hours from a client request to the team's first response, and to its "
                        + "resolution, per week, over " + period + ". Weeks without any have no point.",
                "Week starting", "Hours", labels,
                List.of(hours("First response (median)", weeks, w -> w.firstResponse().median()),
                        hours("Resolution (median)", weeks, w -> w.resolution().median())),
                InsightViews::hours);
        Chart overdue = new Chart(prefix + "-overdue-rate", "Overdue rate",
                "Bar chart: of the tasks and milestones that became overdue or were completed on time each week, "
                        + "the share that became overdue, in percent, over " + period + ". Weeks without any have no bar.",
                "Week starting", "Percent overdue", labels,
                List.of(new Series("Overdue rate", weeks.stream().map(w -> w.overdueRate()
                        .map(r -> OptionalDouble.of(r * 100)).orElse(OptionalDouble.empty())).toList())),
                v -> Math.round(v) + "%");
        return List.of(view(active, true), view(turnaround, false), view(requests, false), view(overdue, true));
    }

    /** The report's time-to-onboard figures over its period. */
    static List<Figure> onboarding(InsightReport report) {
        return List.of(
                new Figure("Contract signed to onboarding checklist complete", stats(report.onboarding().toChecklist())),
                new Figure("Contract signed to first milestone delivered", stats(report.onboarding().toFirstDelivery())));
    }

    /** A workspace's onboarding facts: when the contract was signed, the checklist completed, the first delivery. */
    static List<Figure> facts(OnboardingFacts facts) {
        return List.of(
                new Figure("Contract signed", facts.contractSignedAt().map(ProjectViews::day).orElse("not recorded")),
                new Figure("Checklist complete", facts.checklistCompletedAt().map(ProjectViews::day).orElse("not yet")),
                new Figure("First milestone delivered",
                        facts.firstMilestoneDeliveredAt().map(ProjectViews::day).orElse("not yet")),
                new Figure("Time to onboard (to first delivery)",
                        facts.timeToFirstDelivery().map(ProjectViews::duration).orElse("–")));
    }

    /** Median (and 90th percentile) with the number of samples, or "no samples". */
    static String stats(DurationStats stats) {
        if (stats.count() == 0 || stats.median().isEmpty()) {
            return "no samples in this period";
        }
        String median = "median " + ProjectViews.duration(stats.median().get());
        String p90 = stats.p90().map(d -> ", 90th percentile " + ProjectViews.duration(d)).orElse("");
        return median + p90 + " (" + stats.count() + (stats.count() == 1 ? " sample)" : " samples)");
    }

    /** Hours as the charts write them: one decimal below ten, whole hours above. */
    static String hours(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.1f h", value) : Math.round(value) + " h";
    }

    private static Series hours(String name, List<WeekPoint> weeks, Function<WeekPoint, Optional<Duration>> figure) {
        return new Series(name, weeks.stream().map(w -> figure.apply(w)
                .map(d -> OptionalDouble.of(d.toSeconds() / 3600.0)).orElse(OptionalDouble.empty())).toList());
    }

    private static ChartView view(Chart chart, boolean bars) {
        return new ChartView(chart.id(), chart.title(), bars ? SvgChart.bar(chart) : SvgChart.line(chart),
                SvgChart.table(chart));
    }
}
