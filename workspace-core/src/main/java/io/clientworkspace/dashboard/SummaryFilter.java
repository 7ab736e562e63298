package io.clientworkspace.dashboard;

import io.clientworkspace.UserId;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.workspace.WorkspaceStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The filter of one {@link io.clientworkspace.spi.DashboardStore#page} call, resolved by the service from a
 * {@link DashboardQuery}, the caller and the time: every condition present must hold (AND), and a store applies them
 * all in its one query (never after it, so that a page is full whenever more matching rows follow).
 *
 * @param servedBy  only workspaces where this user holds a membership whose role is one of these (a team member who is
 *                  not a tenant admin sees the workspaces where a team role grants VIEW_DASHBOARD); empty for every
 *                  workspace of the tenant (tenant admins). A store joins the memberships in the same query.
 * @param lead      only rows whose {@link WorkspaceSummary#lead()} is this user
 * @param status    only rows with this status
 * @param text      only rows where {@code name}, {@code slug} or {@code externalRef}, lower-cased with
 *                  {@link Locale#ROOT}, contains this text (already lower-cased; a literal: {@code %} and {@code _}
 *                  match themselves, stores escape them in {@code LIKE})
 * @param attention only rows needing attention under these thresholds (see {@link Attention#matches})
 */
public record SummaryFilter(Optional<ServedBy> servedBy, Optional<UserId> lead, Optional<WorkspaceStatus> status,
                            Optional<String> text, Optional<Attention> attention) {

    public SummaryFilter {
        requireNonNull(servedBy, "servedBy must not be null");
        requireNonNull(lead, "lead must not be null");
        requireNonNull(status, "status must not be null");
        requireNonNull(text, "text must not be null");
        requireNonNull(attention, "attention must not be null");
        text = text.map(t -> t.toLowerCase(Locale.ROOT));
    }

    /** No condition: every row of the tenant. */
    public static SummaryFilter none() {
        return new SummaryFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /**
     * Whether {@code row} passes every condition but {@link #servedBy()} (which needs the memberships); the in-memory
     * store's whole filter and the specification of every store's.
     */
    public boolean matches(WorkspaceSummary row) {
        requireNonNull(row, "row must not be null");
        if (lead.isPresent() && !row.lead().equals(lead)) {
            return false;
        }
        if (status.isPresent() && row.status() != status.get()) {
            return false;
        }
        if (text.isPresent()) {
            String t = text.get();
            boolean found = row.name().toLowerCase(Locale.ROOT).contains(t)
                    || row.slug().toLowerCase(Locale.ROOT).contains(t)
                    || row.externalRef().map(r -> r.toLowerCase(Locale.ROOT).contains(t)).orElse(false);
            if (!found) {
                return false;
            }
        }
        return attention.isEmpty() || attention.get().matches(row);
    }

    /**
     * Membership condition: the user holds a membership of the workspace whose role is one of {@code roles}.
     *
     * @param userId the user
     * @param roles  the roles that count, not empty
     */
    public record ServedBy(UserId userId, Set<WorkspaceRole> roles) {
        public ServedBy {
            requireNonNull(userId, "userId must not be null");
            requireNonNull(roles, "roles must not be null");
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("roles must not be empty");
            }
            roles = Set.copyOf(roles);
        }
    }

    /**
     * The "needs attention" condition, the disjunction (OR) of the {@link AttentionReason}s with the thresholds
     * turned into instants.
     *
     * @param pendingApprovalSince PENDING_APPROVAL when {@code oldestPendingApprovalAt <= pendingApprovalSince}
     * @param clientInactiveSince  CLIENT_INACTIVE when {@code clientMembers > 0} and ({@code lastClientActivityAt} is
     *                             empty or {@code <= clientInactiveSince})
     * @param invoices             whether OVERDUE_INVOICE is a reason at all: false for a caller who may not see
     *                             invoices ({@link io.clientworkspace.member.Permission#VIEW_BILLING}), so that the
     *                             filter never selects a workspace only because of an invoice that caller may not see
     *                             (a store then leaves the {@code overdueInvoices > 0} condition out of its query)
     */
    public record Attention(Instant pendingApprovalSince, Instant clientInactiveSince, boolean invoices) {

        private static final Set<ProjectHealth> AT_RISK = EnumSet.of(ProjectHealth.AT_RISK, ProjectHealth.OFF_TRACK);

        public Attention {
            requireNonNull(pendingApprovalSince, "pendingApprovalSince must not be null");
            requireNonNull(clientInactiveSince, "clientInactiveSince must not be null");
        }

        /** The condition with OVERDUE_INVOICE among the reasons (a caller who sees invoices). */
        public Attention(Instant pendingApprovalSince, Instant clientInactiveSince) {
            this(pendingApprovalSince, clientInactiveSince, true);
        }

        /**
         * The reasons {@code row} needs attention, in {@link AttentionReason} order: PENDING_APPROVAL (see above),
         * OVERDUE_ITEMS ({@code overdueTasks + overdueMilestones > 0}), CLIENT_INACTIVE (see above), AT_RISK (health
         * AT_RISK or OFF_TRACK), OVERDUE_INVOICE ({@code overdueInvoices > 0}, only when {@link #invoices()}).
         */
        public java.util.List<AttentionReason> reasons(WorkspaceSummary row) {
            requireNonNull(row, "row must not be null");
            java.util.List<AttentionReason> reasons = new java.util.ArrayList<>(AttentionReason.values().length);
            if (row.oldestPendingApprovalAt().filter(at -> !at.isAfter(pendingApprovalSince)).isPresent()) {
                reasons.add(AttentionReason.PENDING_APPROVAL);
            }
            if (row.overdueTasks() + row.overdueMilestones() > 0) {
                reasons.add(AttentionReason.OVERDUE_ITEMS);
            }
            if (row.clientMembers() > 0 && (row.lastClientActivityAt().isEmpty()
                    || !row.lastClientActivityAt().get().isAfter(clientInactiveSince))) {
                reasons.add(AttentionReason.CLIENT_INACTIVE);
            }
            if (AT_RISK.contains(row.health())) {
                reasons.add(AttentionReason.AT_RISK);
            }
            if (invoices && row.overdueInvoices() > 0) {
                reasons.add(AttentionReason.OVERDUE_INVOICE);
            }
            return java.util.List.copyOf(reasons);
        }

        /** Whether {@code row} needs attention for at least one reason. */
        public boolean matches(WorkspaceSummary row) {
            return !reasons(row).isEmpty();
        }
    }
}
