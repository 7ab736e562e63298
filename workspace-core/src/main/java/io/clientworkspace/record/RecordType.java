package io.clientworkspace.record;

import java.util.List;

/**
 * The kinds of record a host links into a workspace, each with its fixed set of statuses (upper case, as stored)
 * and whether it may carry an amount of money.
 */
public enum RecordType {
    /** A bill to the client. Only actors holding {@code VIEW_BILLING} ever see invoices. */
    INVOICE(true, List.of("DRAFT", "OPEN", "PAID", "VOID")),
    /** A support ticket in the host's help desk. */
    TICKET(false, List.of("OPEN", "PENDING", "RESOLVED", "CLOSED")),
    /** A contract; its amount is shown only to actors holding {@code VIEW_BILLING}. */
    CONTRACT(true, List.of("DRAFT", "ACTIVE", "EXPIRED", "TERMINATED")),
    /** A report, such as a monthly performance report. */
    REPORT(false, List.of("DRAFT", "PUBLISHED")),
    /** A planned maintenance window; it needs a start instant. */
    MAINTENANCE_WINDOW(false, List.of("SCHEDULED", "IN_PROGRESS", "DONE", "CANCELLED"));

    private final boolean amountAllowed;
    private final List<String> statuses;

    RecordType(boolean amountAllowed, List<String> statuses) {
        this.amountAllowed = amountAllowed;
        this.statuses = statuses;
    }

    /** Whether records of this type may carry an {@link Money amount}. */
    public boolean amountAllowed() {
        return amountAllowed;
    }

    /** The statuses a record of this type may have, in their natural order (unmodifiable). */
    public List<String> statuses() {
        return statuses;
    }

    /** Whether {@code status} is one of {@link #statuses()} (exact, case-sensitive). */
    public boolean allows(String status) {
        return statuses.contains(status);
    }
}
