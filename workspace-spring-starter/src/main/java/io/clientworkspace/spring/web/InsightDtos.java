package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.insight.ClientTurnaround;
import io.clientworkspace.insight.ClientTurnaroundReport;
import io.clientworkspace.insight.DurationStats;
import io.clientworkspace.insight.InsightReport;
import io.clientworkspace.insight.OnboardingSummary;
import io.clientworkspace.insight.WeekPoint;
import io.clientworkspace.spring.web.ProjectDtos.OnboardingFactsDto;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The JSON shapes of engagement insights. Durations are whole seconds (as in the CSV); a figure without samples is
 * {@code null}.
 */
public final class InsightDtos {

    private InsightDtos() {
    }

    /**
     * Duration samples: exact {@code count} and mean, median and p90 (interpolated within fixed histogram buckets),
     * in seconds, null when {@code count} is 0.
     */
    public record StatsDto(long count, @Nullable Long meanSeconds, @Nullable Long medianSeconds,
                           @Nullable Long p90Seconds) {
        static StatsDto of(DurationStats s) {
            return new StatsDto(s.count(), seconds(s.mean()), seconds(s.median()), seconds(s.p90()));
        }

        private static @Nullable Long seconds(Optional<Duration> d) {
            return d.map(Duration::toSeconds).orElse(null);
        }
    }

    /**
     * One ISO week (Monday, UTC); the last is the current, partial week. {@code overdueRate} = items overdue /
     * (overdue + completed on time), null when both are 0.
     */
    public record WeekDto(LocalDate weekStart, boolean partial, long weeklyActiveClients, StatsDto approvalTurnaround,
                          StatsDto firstResponse, StatsDto resolution, long itemsOverdue, long itemsOnTime,
                          @Nullable Double overdueRate) {
        static WeekDto of(WeekPoint w) {
            return new WeekDto(w.weekStart(), w.partial(), w.weeklyActiveClients(), StatsDto.of(w.approvalTurnaround()),
                    StatsDto.of(w.firstResponse()), StatsDto.of(w.resolution()), w.itemsOverdue(), w.itemsOnTime(),
                    w.overdueRate().orElse(null));
        }
    }

    /** Time-to-onboard samples of the period: contract signed to checklist complete, and to first delivery. */
    public record OnboardingSummaryDto(StatsDto toChecklist, StatsDto toFirstDelivery) {
        static OnboardingSummaryDto of(OnboardingSummary o) {
            return new OnboardingSummaryDto(StatsDto.of(o.toChecklist()), StatsDto.of(o.toFirstDelivery()));
        }
    }

    /**
     * A tenant's or a workspace's weekly report ({@code workspaceId} and {@code facts} only in a workspace's report;
     * the keys are absent from a tenant's).
     */
    public record InsightReportDto(@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String workspaceId,
                                   LocalDate from, LocalDate to, List<WeekDto> weeks, OnboardingSummaryDto onboarding,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable OnboardingFactsDto facts) {
        static InsightReportDto of(InsightReport r) {
            return new InsightReportDto(r.workspaceId().map(WorkspaceId::value).orElse(null), r.from(), r.to(),
                    r.weeks().stream().map(WeekDto::of).toList(), OnboardingSummaryDto.of(r.onboarding()),
                    r.facts().map(OnboardingFactsDto::of).orElse(null));
        }
    }

    /** One client user's approval turnaround across workspaces ({@code turnaround.count}: decisions made). */
    public record ClientTurnaroundDto(String userId, StatsDto turnaround) {
        static ClientTurnaroundDto of(ClientTurnaround c) {
            return new ClientTurnaroundDto(c.userId().value(), StatsDto.of(c.turnaround()));
        }
    }

    /** Approval turnaround per client user over the period, most decisions first. */
    public record ClientTurnaroundReportDto(LocalDate from, LocalDate to, List<ClientTurnaroundDto> clients) {
        static ClientTurnaroundReportDto of(ClientTurnaroundReport r) {
            return new ClientTurnaroundReportDto(r.from(), r.to(), r.clients().stream().map(ClientTurnaroundDto::of)
                    .toList());
        }
    }
}
