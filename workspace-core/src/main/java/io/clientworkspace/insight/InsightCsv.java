package io.clientworkspace.insight;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Renders insight reports as CSV (RFC 4180: comma separated, CRLF line ends, a header row, fields holding a comma,
 * quote or line break quoted with quotes doubled), shared by the REST API and the portal. Cells are safe to open in
 * a spreadsheet: a cell starting with {@code = + - @}, a tab or a carriage return is prefixed with {@code '} so it
 * is never taken for a formula. Durations are whole seconds; absent figures are empty cells; the overdue rate has
 * four decimals with a dot.
 */
public final class InsightCsv {

    /** The header of {@link #report}. */
    public static final List<String> REPORT_HEADER = List.of("week_start", "partial", "weekly_active_clients",
            "approvals_decided", "approval_turnaround_median_seconds", "approval_turnaround_p90_seconds",
            "first_responses", "first_response_median_seconds", "first_response_p90_seconds",
            "resolutions", "resolution_median_seconds", "resolution_p90_seconds",
            "items_overdue", "items_on_time", "overdue_rate");

    /** The header of {@link #clientTurnaround}. */
    public static final List<String> CLIENT_TURNAROUND_HEADER = List.of("user_id", "decisions",
            "turnaround_mean_seconds", "turnaround_median_seconds", "turnaround_p90_seconds");

    private InsightCsv() {
    }

    /** Writes one row per week, oldest first, after {@link #REPORT_HEADER}; does not close the writer. */
    public static void report(InsightReport report, Writer out) {
        requireNonNull(report, "report must not be null");
        requireNonNull(out, "out must not be null");
        row(out, REPORT_HEADER);
        for (WeekPoint w : report.weeks()) {
            row(out, List.of(w.weekStart().toString(), Boolean.toString(w.partial()),
                    Long.toString(w.weeklyActiveClients()),
                    Long.toString(w.approvalTurnaround().count()), seconds(w.approvalTurnaround().median()),
                    seconds(w.approvalTurnaround().p90()),
                    Long.toString(w.firstResponse().count()), seconds(w.firstResponse().median()),
                    seconds(w.firstResponse().p90()),
                    Long.toString(w.resolution().count()), seconds(w.resolution().median()),
                    seconds(w.resolution().p90()),
                    Long.toString(w.itemsOverdue()), Long.toString(w.itemsOnTime()),
                    w.overdueRate().map(r -> String.format(Locale.ROOT, "%.4f", r)).orElse("")));
        }
        flush(out);
    }

    /** {@link #report(InsightReport, Writer)} as a string. */
    public static String report(InsightReport report) {
        StringWriter out = new StringWriter();
        report(report, out);
        return out.toString();
    }

    /** Writes one row per client user, in the report's order, after {@link #CLIENT_TURNAROUND_HEADER}. */
    public static void clientTurnaround(ClientTurnaroundReport report, Writer out) {
        requireNonNull(report, "report must not be null");
        requireNonNull(out, "out must not be null");
        row(out, CLIENT_TURNAROUND_HEADER);
        for (ClientTurnaround c : report.clients()) {
            row(out, List.of(c.userId().value(), Long.toString(c.turnaround().count()),
                    seconds(c.turnaround().mean()), seconds(c.turnaround().median()), seconds(c.turnaround().p90())));
        }
        flush(out);
    }

    /** {@link #clientTurnaround(ClientTurnaroundReport, Writer)} as a string. */
    public static String clientTurnaround(ClientTurnaroundReport report) {
        StringWriter out = new StringWriter();
        clientTurnaround(report, out);
        return out.toString();
    }

    /** One cell, quoted and guarded against formula injection as described above. */
    public static String cell(String value) {
        return io.clientworkspace.internal.Csv.cell(value);
    }

    private static String seconds(Optional<Duration> d) {
        return d.map(x -> Long.toString(x.toSeconds())).orElse("");
    }

    private static void row(Writer out, List<String> cells) {
        List<String> safe = new ArrayList<>(cells.size());
        for (String c : cells) {
            safe.add(cell(c));
        }
        try {
            out.write(String.join(",", safe));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
