package io.clientworkspace.examples.portal.web;

import io.clientworkspace.TenantId;
import io.clientworkspace.insight.DurationStats;
import io.clientworkspace.insight.InsightReport;
import io.clientworkspace.insight.OnboardingSummary;
import io.clientworkspace.insight.WeekPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InsightViewsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    private static InsightReport report() {
        DurationStats turnaround = new DurationStats(2, Optional.of(Duration.ofHours(20)), Optional.of(Duration.ofHours(18)),
                Optional.of(Duration.ofHours(30)));
        WeekPoint first = new WeekPoint(MONDAY, false, 3, turnaround, DurationStats.none(), DurationStats.none(), 1, 3,
                Optional.of(0.25));
        WeekPoint second = new WeekPoint(MONDAY.plusWeeks(1), true, 2, DurationStats.none(), DurationStats.none(),
                DurationStats.none(), 0, 0, Optional.empty());
        return new InsightReport(TenantId.of("t-1"), Optional.empty(), MONDAY, MONDAY.plusDays(9), List.of(first, second),
                new OnboardingSummary(DurationStats.none(), DurationStats.none()), Optional.empty());
    }

    @Test
    void aReportGivesFourChartsEachWithItsTable() {
        List<InsightViews.ChartView> charts = InsightViews.charts("tenant", report());

        assertThat(charts).extracting(InsightViews.ChartView::id).containsExactly("tenant-active-clients",
                "tenant-approval-turnaround", "tenant-request-times", "tenant-overdue-rate");
        assertThat(charts).allSatisfy(c -> {
            assertThat(c.svg()).startsWith("<svg").contains("<title id=\"" + c.id() + "-title\">");
            assertThat(c.table().rows()).hasSize(2);
        });
    }

    @Test
    void theRunningWeekIsMarkedAndWeeksWithoutFiguresReadAsADash() {
        List<InsightViews.ChartView> charts = InsightViews.charts("tenant", report());

        assertThat(charts.get(0).table().rows()).containsExactly(List.of("23 Nov", "3"), List.of("30 Nov*", "2"));
        assertThat(charts.get(1).table().rows()).containsExactly(List.of("23 Nov", "18 h", "30 h"), List.of("30 Nov*", "–", "–"));
        assertThat(charts.get(3).table().rows()).containsExactly(List.of("23 Nov", "25%"), List.of("30 Nov*", "–"));
    }

    @Test
    void hoursKeepOneDecimalBelowTen() {
        assertThat(InsightViews.hours(2.25)).isEqualTo("2.3 h");
        assertThat(InsightViews.hours(27.6)).isEqualTo("28 h");
    }

    @Test
    void statsReadAsMedianPercentileAndSamples() {
        assertThat(InsightViews.stats(DurationStats.none())).isEqualTo("no samples in this period");
        assertThat(InsightViews.stats(new DurationStats(1, Optional.of(Duration.ofDays(21)), Optional.of(Duration.ofDays(21)),
                Optional.of(Duration.ofDays(21))))).isEqualTo("median 21 days, 90th percentile 21 days (1 sample)");
    }
}
