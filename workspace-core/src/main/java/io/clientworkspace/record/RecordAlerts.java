package io.clientworkspace.record;

/**
 * What needs attention among a workspace's linked records, for the team (the operator dashboard's alerts).
 *
 * @param overdueInvoices invoices with status OPEN and a due day before today
 * @param openTickets     tickets with status OPEN or PENDING
 */
public record RecordAlerts(int overdueInvoices, int openTickets) {

    /** Nothing to report. */
    public static final RecordAlerts NONE = new RecordAlerts(0, 0);

    public RecordAlerts {
        if (overdueInvoices < 0 || openTickets < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
