package io.clientworkspace.examples.portal.web;

import io.clientworkspace.UserId;
import io.clientworkspace.dashboard.AttentionReason;
import io.clientworkspace.dashboard.DashboardQuery;
import io.clientworkspace.dashboard.DashboardRow;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.SortDirection;
import io.clientworkspace.dashboard.WorkspaceSummary;
import io.clientworkspace.examples.portal.web.Views.Option;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.workspace.WorkspaceStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What the dashboard page shows: one row per workspace summary, in words (no colour-only signals). */
public final class DashboardViews {

    private DashboardViews() {
    }

    /**
     * One row of the dashboard: the workspace, its lead, status and health (a word and a symbol), what waits and for
     * how long, what is overdue, the caller's unread client messages, the last client and team activity, the
     * onboarding progress, the host's alerts and the attention reasons as text (codes kept for tests and scripts).
     */
    public record Row(String slug, String name, String externalRef, String lead, boolean archived, String health,
                      String healthLabel, String healthSymbol, int pendingApprovals, String pendingSince,
                      int openRequests, String requestSince, int overdueTasks, int overdueMilestones,
                      long unread, String lastClient, String lastClientExact, String lastTeam, String lastTeamExact,
                      String onboarding, int overdueInvoices, int openTickets, List<String> attention,
                      String attentionCodes) {

        public Row {
            attention = List.copyOf(attention);
        }

        /** Whether anything is overdue. */
        public boolean overdue() {
            return overdueTasks + overdueMilestones > 0;
        }
    }

    /** The row of {@code row}, with ages measured from {@code now} and people named by {@code names}. */
    static Row row(DashboardRow row, DashboardQuery query, Instant now, Function<UserId, String> names) {
        WorkspaceSummary s = row.summary();
        return new Row(s.slug(), s.name(), s.externalRef().orElse(""), s.lead().map(names).orElse("—"),
                s.status() == WorkspaceStatus.ARCHIVED, s.health().name(), ProjectViews.health(s.health()),
                ProjectViews.healthSymbol(s.health()), s.pendingApprovals(), since(s.oldestPendingApprovalAt(), now),
                s.openRequests(), since(s.oldestOpenRequestAt(), now), s.overdueTasks(), s.overdueMilestones(),
                row.unreadClientMessages(), s.lastClientActivityAt().map(at -> Labels.ago(at, now)).orElse("never"),
                s.lastClientActivityAt().map(Labels::exact).orElse(""),
                s.lastTeamActivityAt().map(at -> Labels.ago(at, now)).orElse("never"),
                s.lastTeamActivityAt().map(Labels::exact).orElse(""), onboarding(s.onboarding()), s.overdueInvoices(),
                s.openTickets(), row.attention().stream().map(r -> attention(r, query)).toList(),
                String.join(" ", row.attention().stream().map(Enum::name).toList()));
    }

    /** Why a workspace needs attention, in words, with the query's thresholds. */
    static String attention(AttentionReason reason, DashboardQuery query) {
        return switch (reason) {
            case PENDING_APPROVAL -> "Approval pending " + days(query.pendingApprovalDays()) + " or more";
            case OVERDUE_ITEMS -> "Overdue tasks or milestones";
            case CLIENT_INACTIVE -> "No client activity for " + days(query.clientInactiveDays());
            case AT_RISK -> "At risk or off track";
            case OVERDUE_INVOICE -> "Overdue invoice";
        };
    }

    /** Onboarding progress, e.g. "1 of 3 done", or "no checklist". */
    static String onboarding(ChecklistProgress progress) {
        return progress.total() == 0 ? "no checklist" : ProjectViews.progress(progress.done(), progress.total());
    }

    /** The sorts offered, in words. */
    static List<Option> sorts() {
        return List.of(new Option(DashboardSort.LAST_CLIENT_ACTIVITY.name(), "Last client activity"),
                new Option(DashboardSort.OLDEST_PENDING.name(), "Oldest pending item"),
                new Option(DashboardSort.NAME.name(), "Name"));
    }

    /** The directions offered, in words. */
    static List<Option> directions() {
        return List.of(new Option(SortDirection.ASCENDING.name(), "Ascending (quietest, longest waiting, A to Z)"),
                new Option(SortDirection.DESCENDING.name(), "Descending"));
    }

    /** The statuses offered. */
    static List<Option> statuses() {
        return List.of(new Option("ACTIVE", "Active"), new Option("ARCHIVED", "Archived"), new Option("ANY", "Any"));
    }

    private static String since(Optional<Instant> at, Instant now) {
        return at.map(a -> "oldest " + Labels.ago(a, now)).orElse("");
    }

    private static String days(int n) {
        return n + (n == 1 ? " day" : " days");
    }
}
