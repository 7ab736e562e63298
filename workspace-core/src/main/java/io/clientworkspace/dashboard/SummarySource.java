package io.clientworkspace.dashboard;

import io.clientworkspace.ActorKind;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.record.RecordAlerts;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.InsightStore;
import io.clientworkspace.spi.LinkedRecordStore;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.MilestoneStore;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TaskListStore;
import io.clientworkspace.spi.TaskStore;
import io.clientworkspace.spi.WorkspaceStore;
import io.clientworkspace.workspace.Workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Computes summary parts from the source stores, one aggregate call per part. Stores of features the store set does
 * not provide count as empty (zeros, ON_TRACK, 0/0). Used by the projection (for the parts an operation's events can
 * change) and by the rebuild (every part): both compute a part the same way, which is why they agree.
 */
final class SummarySource {

    private final WorkspaceStore workspaces;
    private final MembershipStore memberships;
    private final ActivityStore activity;
    private final Optional<ApprovalStore> approvals;
    private final Optional<RequestStore> requests;
    private final Optional<ProjectStore> projects;
    private final Optional<MilestoneStore> milestones;
    private final Optional<TaskStore> tasks;
    private final Optional<TaskListStore> taskLists;
    private final Optional<LinkedRecordStore> records;
    private final Optional<InsightStore> insights;

    SummarySource(Stores stores) {
        requireNonNull(stores, "stores must not be null");
        this.workspaces = stores.workspaces();
        this.memberships = stores.memberships();
        this.activity = stores.activity();
        this.approvals = stores.find(ApprovalStore.class);
        this.requests = stores.find(RequestStore.class);
        this.projects = stores.find(ProjectStore.class);
        this.milestones = stores.find(MilestoneStore.class);
        this.tasks = stores.find(TaskStore.class);
        this.taskLists = stores.find(TaskListStore.class);
        this.records = stores.find(LinkedRecordStore.class);
        this.insights = stores.find(InsightStore.class);
    }

    /** A complete summary of the workspace at {@code now}, or empty if the workspace does not exist. */
    Optional<WorkspaceSummary> compute(TenantId tenantId, WorkspaceId workspaceId, Instant now) {
        Optional<Workspace> workspace = workspaces.find(tenantId, workspaceId);
        return workspace.map(w -> recompute(blank(w, now), w, SummaryPart.all(), now));
    }

    /**
     * {@code current} with {@code parts} recomputed at {@code now}, or empty if the workspace does not exist (any
     * more). {@code updatedAt} is left as it was.
     */
    Optional<WorkspaceSummary> recompute(WorkspaceSummary current, Set<SummaryPart> parts, Instant now) {
        return workspaces.find(current.tenantId(), current.workspaceId())
                .map(w -> recompute(current, w, parts, now));
    }

    private WorkspaceSummary recompute(WorkspaceSummary s, Workspace w, Set<SummaryPart> parts, Instant now) {
        TenantId t = s.tenantId();
        WorkspaceId id = s.workspaceId();
        // an archived workspace is read-only and the overdue sweep skips it: its overdue counts are as of archiving
        LocalDate today = LocalDate.ofInstant(w.isArchived() ? w.updatedAt() : now, ZoneOffset.UTC);
        String name = s.name();
        String slug = s.slug();
        Optional<String> externalRef = s.externalRef();
        var status = s.status();
        if (parts.contains(SummaryPart.IDENTITY)) {
            name = w.name();
            slug = w.slug();
            externalRef = w.externalRef();
            status = w.status();
        }
        Optional<UserId> lead = parts.contains(SummaryPart.LEAD) ? memberships.firstLead(t, id) : s.lead();
        int clientMembers = parts.contains(SummaryPart.CLIENT_MEMBERS)
                ? memberships.countClientMembers(t, id) : s.clientMembers();
        ProjectHealth health = parts.contains(SummaryPart.HEALTH)
                ? projects.map(p -> p.worstHealth(t, id)).orElse(ProjectHealth.ON_TRACK) : s.health();
        OpenItems pending = parts.contains(SummaryPart.APPROVALS)
                ? approvals.map(a -> a.pendingSummary(t, id)).orElse(OpenItems.NONE)
                : new OpenItems(s.pendingApprovals(), s.oldestPendingApprovalAt());
        OpenItems open = parts.contains(SummaryPart.REQUESTS)
                ? requests.map(r -> r.openSummary(t, id)).orElse(OpenItems.NONE)
                : new OpenItems(s.openRequests(), s.oldestOpenRequestAt());
        int overdueTasks = s.overdueTasks();
        int overdueMilestones = s.overdueMilestones();
        if (parts.contains(SummaryPart.OVERDUE)) {
            overdueTasks = tasks.map(x -> x.overdueCount(t, id, today)).orElse(0);
            overdueMilestones = milestones.map(x -> x.overdueCount(t, id, today)).orElse(0);
        }
        ChecklistProgress onboarding = s.onboarding();
        if (parts.contains(SummaryPart.ONBOARDING)) {
            onboarding = taskLists.flatMap(l -> l.findOnboarding(t, id))
                    .flatMap(list -> tasks.map(x -> x.progress(t, id, list.id(), true)))
                    .orElse(new ChecklistProgress(0, 0));
        }
        Optional<Instant> lastClient = parts.contains(SummaryPart.CLIENT_ACTIVITY)
                ? lastClientActivity(t, id) : s.lastClientActivityAt();
        Optional<Instant> lastTeam = parts.contains(SummaryPart.TEAM_ACTIVITY)
                ? activity.latestByActorKind(t, id, ActorKind.TEAM) : s.lastTeamActivityAt();
        int overdueInvoices = s.overdueInvoices();
        int openTickets = s.openTickets();
        if (parts.contains(SummaryPart.RECORD_ALERTS)) {
            RecordAlerts alerts = records.map(r -> r.alertCounts(t, id, today)).orElse(RecordAlerts.NONE);
            overdueInvoices = alerts.overdueInvoices();
            openTickets = alerts.openTickets();
        }
        return new WorkspaceSummary(t, id, name, slug, externalRef, status, lead, health, pending.count(),
                pending.oldest(), open.count(), open.oldest(), overdueTasks, overdueMilestones, lastClient, lastTeam,
                onboarding, overdueInvoices, openTickets, clientMembers, s.updatedAt());
    }

    private Optional<Instant> lastClientActivity(TenantId t, WorkspaceId id) {
        Optional<Instant> entry = activity.latestByActorKind(t, id, ActorKind.CLIENT);
        Optional<Instant> visit = insights.flatMap(i -> i.lastVisit(t, id));
        if (entry.isEmpty()) {
            return visit;
        }
        if (visit.isEmpty()) {
            return entry;
        }
        return Optional.of(entry.get().isAfter(visit.get()) ? entry.get() : visit.get());
    }

    private static WorkspaceSummary blank(Workspace w, Instant now) {
        return new WorkspaceSummary(w.tenantId(), w.id(), w.name(), w.slug(), w.externalRef(), w.status(),
                Optional.empty(), ProjectHealth.ON_TRACK, 0, Optional.empty(), 0, Optional.empty(), 0, 0,
                Optional.empty(), Optional.empty(), new ChecklistProgress(0, 0), 0, 0, 0, now);
    }
}
