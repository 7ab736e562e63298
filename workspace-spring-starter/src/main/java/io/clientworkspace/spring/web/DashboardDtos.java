package io.clientworkspace.spring.web;

import io.clientworkspace.UserId;
import io.clientworkspace.dashboard.AttentionReason;
import io.clientworkspace.dashboard.DashboardRow;
import io.clientworkspace.dashboard.WorkspaceSummary;
import io.clientworkspace.spring.web.ProjectDtos.ProgressDto;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of the operator dashboard. Counts are team facts (internal items included); only team users who
 * may see the dashboard ever get them.
 */
public final class DashboardDtos {

    private DashboardDtos() {
    }

    /**
     * One workspace's row: its summary (client, lead, status, health, pending approvals and open requests with the
     * oldest's time, overdue tasks and milestones, last client and team activity, onboarding progress, overdue
     * invoices and open tickets of the host's linked records, client members), the caller's unread client messages,
     * and why it needs attention under the query's thresholds ({@code attention}: PENDING_APPROVAL, OVERDUE_ITEMS,
     * CLIENT_INACTIVE, AT_RISK, OVERDUE_INVOICE; empty when it does not).
     */
    public record DashboardRowDto(String workspaceId, String name, String slug, @Nullable String externalRef,
                                  String status, @Nullable String lead, String health, int pendingApprovals,
                                  @Nullable Instant oldestPendingApprovalAt, int openRequests,
                                  @Nullable Instant oldestOpenRequestAt, int overdueTasks, int overdueMilestones,
                                  @Nullable Instant lastClientActivityAt, @Nullable Instant lastTeamActivityAt,
                                  ProgressDto onboarding, int overdueInvoices, int openTickets, int clientMembers,
                                  long unreadClientMessages, List<String> attention, Instant updatedAt) {
        static DashboardRowDto of(DashboardRow row) {
            WorkspaceSummary s = row.summary();
            return new DashboardRowDto(s.workspaceId().value(), s.name(), s.slug(), s.externalRef().orElse(null),
                    s.status().name(), s.lead().map(UserId::value).orElse(null), s.health().name(),
                    s.pendingApprovals(), s.oldestPendingApprovalAt().orElse(null), s.openRequests(),
                    s.oldestOpenRequestAt().orElse(null), s.overdueTasks(), s.overdueMilestones(),
                    s.lastClientActivityAt().orElse(null), s.lastTeamActivityAt().orElse(null),
                    ProgressDto.of(s.onboarding()), s.overdueInvoices(), s.openTickets(), s.clientMembers(),
                    row.unreadClientMessages(), row.attention().stream().map(AttentionReason::name).toList(),
                    s.updatedAt());
        }
    }

    /** The answer of a rebuild: how many workspaces' summaries were recomputed. */
    public record RebuildDto(int workspaces) {
    }
}
