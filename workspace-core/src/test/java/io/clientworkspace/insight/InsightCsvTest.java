package io.clientworkspace.insight;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InsightCsvTest {

    private static final TenantId T = TenantId.of("t-1");
    private static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);

    private static DurationStats hours(long count, int mean, int median, int p90) {
        return new DurationStats(count, Optional.of(Duration.ofHours(mean)), Optional.of(Duration.ofHours(median)),
                Optional.of(Duration.ofHours(p90)));
    }

    @Test
    void aReportIsOneHeaderAndOneCrlfTerminatedRowPerWeek() {
        WeekPoint full = new WeekPoint(MONDAY.minusWeeks(1), false, 3, hours(2, 2, 2, 3), DurationStats.none(),
                DurationStats.none(), 1, 3, Optional.of(0.25));
        WeekPoint partial = new WeekPoint(MONDAY, true, 0, DurationStats.none(), DurationStats.none(),
                DurationStats.none(), 0, 0, Optional.empty());
        InsightReport report = new InsightReport(T, Optional.empty(), MONDAY.minusWeeks(1), MONDAY.plusDays(2),
                List.of(full, partial), new OnboardingSummary(DurationStats.none(), DurationStats.none()),
                Optional.empty());

        String csv = InsightCsv.report(report);

        assertThat(csv.split("\r\n", -1)).containsExactly(
                String.join(",", InsightCsv.REPORT_HEADER),
                "2031-02-24,false,3,2,7200,10800,0,,,0,,,1,3,0.2500",
                "2031-03-03,true,0,0,,,0,,,0,,,0,0,",
                "");
    }

    @Test
    void clientTurnaroundIsOneRowPerClientUser() {
        ClientTurnaroundReport report = new ClientTurnaroundReport(T, MONDAY, MONDAY, List.of(
                new ClientTurnaround(UserId.of("carol"), hours(2, 4, 3, 5))));

        assertThat(InsightCsv.clientTurnaround(report)).isEqualTo(String.join(",", InsightCsv.CLIENT_TURNAROUND_HEADER)
                + "\r\ncarol,2,14400,10800,18000\r\n");
    }

    @Test
    void cellsThatASpreadsheetWouldTakeForAFormulaAreDefused() {
        assertThat(InsightCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(InsightCsv.cell("+1")).isEqualTo("'+1");
        assertThat(InsightCsv.cell("-1")).isEqualTo("'-1");
        assertThat(InsightCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(InsightCsv.cell("\tx")).isEqualTo("'\tx");
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(InsightCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(InsightCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(InsightCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(InsightCsv.cell("plain")).isEqualTo("plain");
    }
}
