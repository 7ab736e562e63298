package io.clientworkspace.dashboard;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.project.ChecklistProgress;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.workspace.WorkspaceStatus;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One workspace's row of the operator dashboard: the stored read model, kept by the dashboard's projection in the
 * unit of work of every change and equal to what {@link DashboardService#rebuild(io.clientworkspace.TenantId)}
 * computes from the source stores (but for {@link #updatedAt()}). These are team facts: counts include internal
 * items, and only team actors allowed to see the dashboard ever get a summary.
 *
 * @param tenantId                 the tenant
 * @param workspaceId              the workspace
 * @param name                     the workspace's name
 * @param slug                     the workspace's slug
 * @param externalRef              the host's reference of the client account
 * @param status                   active or archived
 * @param lead                     the workspace's lead: of its members with role LEAD the one whose membership is
 *                                 oldest (then the smallest user id); empty only if it has none
 * @param health                   the worst ({@link ProjectHealth#severity() most severe}) health of its projects
 *                                 that are not COMPLETED, internal ones included; ON_TRACK when there are none
 * @param pendingApprovals         approval requests with status OPEN
 * @param oldestPendingApprovalAt  the earliest {@code requestedAt} among them
 * @param openRequests             client requests SUBMITTED, IN_PROGRESS or WAITING_ON_CLIENT
 * @param oldestOpenRequestAt      the earliest {@code submittedAt} among them
 * @param overdueTasks             tasks not completed whose due date is before today (see below)
 * @param overdueMilestones        milestones not delivered whose due date is before today (see below)
 * @param lastClientActivityAt     the later of the latest activity entry written by a CLIENT actor and the client
 *                                 users' latest visit (when the insights feature records visits)
 * @param lastTeamActivityAt       the latest activity entry written by a TEAM actor (system jobs act as TEAM)
 * @param onboarding               done/total tasks of the onboarding checklist, internal tasks included; 0/0 when
 *                                 the workspace has no checklist
 * @param overdueInvoices          the host's linked invoices that are overdue (0 without the records feature); in
 *                                 what {@link DashboardService} answers, 0 for a caller who may not see invoices
 *                                 there (see {@link DashboardService}: VIEW_BILLING)
 * @param openTickets              the host's linked tickets that are open (0 without the records feature)
 * @param clientMembers            members with a client role
 * @param updatedAt                when the row was last written (by the projection or a rebuild); the one field a
 *                                 rebuild does not reproduce
 *
 * <p>"Today" for the overdue counts is the UTC date of the change that wrote the row; for an archived workspace it is
 * the UTC date of its {@code updatedAt} (when it was archived), since an archived workspace is read-only and the
 * overdue sweep does not raise its items. A task or milestone that falls due while nothing happens in its workspace
 * is counted when the overdue sweep raises it (hosts run the sweep as a job) or the workspace next changes; an invoice
 * that falls due (the host's records have no sweep) is counted when the workspace next changes or at the next
 * {@link DashboardService#rebuild(io.clientworkspace.TenantId) rebuild}, which hosts may run nightly.
 */
public record WorkspaceSummary(TenantId tenantId, WorkspaceId workspaceId, String name, String slug,
                               Optional<String> externalRef, WorkspaceStatus status, Optional<UserId> lead,
                               ProjectHealth health, int pendingApprovals, Optional<Instant> oldestPendingApprovalAt,
                               int openRequests, Optional<Instant> oldestOpenRequestAt, int overdueTasks,
                               int overdueMilestones, Optional<Instant> lastClientActivityAt,
                               Optional<Instant> lastTeamActivityAt, ChecklistProgress onboarding, int overdueInvoices,
                               int openTickets, int clientMembers, Instant updatedAt) {

    public WorkspaceSummary {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(name, "name must not be null");
        requireNonNull(slug, "slug must not be null");
        requireNonNull(externalRef, "externalRef must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(lead, "lead must not be null");
        requireNonNull(health, "health must not be null");
        requireNonNull(oldestPendingApprovalAt, "oldestPendingApprovalAt must not be null");
        requireNonNull(oldestOpenRequestAt, "oldestOpenRequestAt must not be null");
        requireNonNull(lastClientActivityAt, "lastClientActivityAt must not be null");
        requireNonNull(lastTeamActivityAt, "lastTeamActivityAt must not be null");
        requireNonNull(onboarding, "onboarding must not be null");
        requireNonNull(updatedAt, "updatedAt must not be null");
        if (pendingApprovals < 0 || openRequests < 0 || overdueTasks < 0 || overdueMilestones < 0
                || overdueInvoices < 0 || openTickets < 0 || clientMembers < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /**
     * The older of {@link #oldestPendingApprovalAt()} and {@link #oldestOpenRequestAt()}: how long the oldest item
     * waiting for the team (or the client) has waited; empty when nothing is pending. The
     * {@link DashboardSort#OLDEST_PENDING} key (stores may keep it as a column).
     */
    public Optional<Instant> oldestPendingAt() {
        if (oldestPendingApprovalAt.isEmpty()) {
            return oldestOpenRequestAt;
        }
        if (oldestOpenRequestAt.isEmpty()) {
            return oldestPendingApprovalAt;
        }
        Instant a = oldestPendingApprovalAt.get();
        Instant r = oldestOpenRequestAt.get();
        return Optional.of(a.isBefore(r) ? a : r);
    }

    /**
     * The {@link DashboardSort#NAME} key: {@link #name()} lower-cased with {@link Locale#ROOT}, compared in code-unit
     * order (stores keep it as a column and compare it binary, e.g. PostgreSQL {@code COLLATE "C"}).
     */
    public String sortName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * A copy with {@link #overdueInvoices()} 0: what a caller without
     * {@link io.clientworkspace.member.Permission#VIEW_BILLING} is shown.
     */
    public WorkspaceSummary withoutInvoices() {
        return new WorkspaceSummary(tenantId, workspaceId, name, slug, externalRef, status, lead, health,
                pendingApprovals, oldestPendingApprovalAt, openRequests, oldestOpenRequestAt, overdueTasks,
                overdueMilestones, lastClientActivityAt, lastTeamActivityAt, onboarding, 0, openTickets,
                clientMembers, updatedAt);
    }

    /** A copy written at another time (for comparing a kept row with a rebuilt one, set both to one instant). */
    public WorkspaceSummary withUpdatedAt(Instant at) {
        return new WorkspaceSummary(tenantId, workspaceId, name, slug, externalRef, status, lead, health,
                pendingApprovals, oldestPendingApprovalAt, openRequests, oldestOpenRequestAt, overdueTasks,
                overdueMilestones, lastClientActivityAt, lastTeamActivityAt, onboarding, overdueInvoices, openTickets,
                clientMembers, at);
    }
}
