package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One workspace's row of the operator dashboard ({@code cwk_dashboard_summary}): the summary's fields plus the keys
 * the store derives from them for its queries ({@code sortName}, {@code searchText}, {@code clientActivityKey},
 * {@code oldestPendingKey}). Not versioned: the projection locks the row before it recomputes it.
 */
@Entity(name = "CwkDashboardSummary")
@Table(name = "cwk_dashboard_summary")
@IdClass(DashboardSummaryEntity.Key.class)
public class DashboardSummaryEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Column(name = "name", length = 120, nullable = false)
    public String name;

    @Column(name = "sort_name", length = 400, nullable = false)
    public String sortName;

    @Column(name = "slug", length = 63, nullable = false)
    public String slug;

    @Column(name = "external_ref", length = 200)
    public @Nullable String externalRef;

    @Column(name = "search_text", length = 1200, nullable = false)
    public String searchText;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    @Column(name = "lead_id", length = 128)
    public @Nullable String leadId;

    @Column(name = "health", length = 16, nullable = false)
    public String health;

    @Column(name = "pending_approvals", nullable = false)
    public int pendingApprovals;

    @Column(name = "oldest_pending_approval_at")
    public @Nullable Instant oldestPendingApprovalAt;

    @Column(name = "open_requests", nullable = false)
    public int openRequests;

    @Column(name = "oldest_open_request_at")
    public @Nullable Instant oldestOpenRequestAt;

    @Column(name = "overdue_tasks", nullable = false)
    public int overdueTasks;

    @Column(name = "overdue_milestones", nullable = false)
    public int overdueMilestones;

    @Column(name = "last_client_activity_at")
    public @Nullable Instant lastClientActivityAt;

    @Column(name = "last_team_activity_at")
    public @Nullable Instant lastTeamActivityAt;

    @Column(name = "onboarding_done", nullable = false)
    public int onboardingDone;

    @Column(name = "onboarding_total", nullable = false)
    public int onboardingTotal;

    @Column(name = "overdue_invoices", nullable = false)
    public int overdueInvoices;

    @Column(name = "open_tickets", nullable = false)
    public int openTickets;

    @Column(name = "client_members", nullable = false)
    public int clientMembers;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "client_activity_key", nullable = false)
    public long clientActivityKey;

    @Column(name = "oldest_pending_key", nullable = false)
    public long oldestPendingKey;

    protected DashboardSummaryEntity() {
    }

    public DashboardSummaryEntity(String tenantId, String workspaceId) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;

        public Key() {
        }

        public Key(String tenantId, String workspaceId) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(workspaceId, k.workspaceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId);
        }
    }
}
