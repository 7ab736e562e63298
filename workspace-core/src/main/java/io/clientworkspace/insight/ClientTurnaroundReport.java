package io.clientworkspace.insight;

import io.clientworkspace.TenantId;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Approval turnaround per client user across the tenant's workspaces over a period.
 *
 * @param from    the Monday of the first week
 * @param to      the last day counted (today, UTC)
 * @param clients one entry per client user who decided in the period, most decisions first, then by user id
 */
public record ClientTurnaroundReport(TenantId tenantId, LocalDate from, LocalDate to, List<ClientTurnaround> clients) {

    public ClientTurnaroundReport {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        clients = List.copyOf(requireNonNull(clients, "clients must not be null"));
    }
}
