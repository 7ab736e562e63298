package io.clientworkspace.dashboard;

/**
 * Why a workspace needs the team's attention, computed when a page is read from the query's thresholds
 * ({@link DashboardQuery#pendingApprovalDays()}, {@link DashboardQuery#clientInactiveDays()}) and the stored summary.
 * Listed in this order in {@link DashboardRow#attention()}.
 */
public enum AttentionReason {
    /** An approval has been pending for at least {@link DashboardQuery#pendingApprovalDays()} days. */
    PENDING_APPROVAL,
    /** At least one task or milestone is overdue (open, due before today). */
    OVERDUE_ITEMS,
    /**
     * The workspace has at least one client member and no client activity (activity entry by a client, or visit)
     * for at least {@link DashboardQuery#clientInactiveDays()} days, or none ever.
     */
    CLIENT_INACTIVE,
    /** Its health (worst project health) is {@code AT_RISK} or {@code OFF_TRACK}. */
    AT_RISK,
    /** At least one of the host's linked invoices is overdue. */
    OVERDUE_INVOICE
}
