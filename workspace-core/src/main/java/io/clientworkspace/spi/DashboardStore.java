package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.dashboard.DashboardSort;
import io.clientworkspace.dashboard.SortDirection;
import io.clientworkspace.dashboard.SummaryFilter;
import io.clientworkspace.dashboard.SummaryPosition;
import io.clientworkspace.dashboard.WorkspaceSummary;

import java.util.List;
import java.util.Optional;

/**
 * Stores the operator dashboard's read model: one {@link WorkspaceSummary} row per workspace, keyed by (tenant,
 * workspace). The dashboard's projection writes it inside the unit of work of every change; the dashboard reads a
 * page of it in one call.
 *
 * <p><b>Concurrency.</b> The projection recomputes a row from the source stores. So that two concurrent changes of one
 * workspace never leave a row computed from a state without the other's change (PostgreSQL READ COMMITTED), it first
 * locks the row with {@link #findForUpdate} (creating it first with {@link #insertIfAbsent} when missing), then reads
 * the source stores (which then see everything committed before the lock was granted), then {@link #replace}s the row.
 * Rows are locked in workspace-id order.
 *
 * <p>A JPA store keeps the sort keys {@link WorkspaceSummary#oldestPendingAt()} and {@link WorkspaceSummary#sortName()}
 * as columns, and indexes serving each sort with the tenant (and status) as prefix.
 */
public interface DashboardStore {

    /** The workspace's row, if written. */
    Optional<WorkspaceSummary> find(TenantId tenantId, WorkspaceId workspaceId);

    /**
     * Like {@link #find}, and inside a unit of work locks the row until the unit of work ends (JPA:
     * {@code PESSIMISTIC_WRITE}, i.e. {@code SELECT ... FOR UPDATE}); a concurrent caller waits. Returns the row as
     * committed when the lock was granted. Does not lock (and returns empty) when there is no row.
     */
    Optional<WorkspaceSummary> findForUpdate(TenantId tenantId, WorkspaceId workspaceId);

    /**
     * Inserts the row unless the workspace has one already, without failing when a concurrent unit of work inserts
     * it at the same time (JPA on PostgreSQL: {@code INSERT ... ON CONFLICT DO NOTHING}; a portable store may catch
     * the unique violation in a savepoint). Callers then lock it with {@link #findForUpdate}.
     *
     * @return whether this call inserted it
     */
    boolean insertIfAbsent(WorkspaceSummary summary);

    /**
     * Replaces the workspace's row (the caller holds its lock).
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if the workspace has no row
     */
    void replace(WorkspaceSummary summary);

    /**
     * Up to {@code limit} rows of the tenant that pass {@code filter}, in the order of {@code sort} and
     * {@code direction} (see {@link SummaryPosition#order}), strictly after {@code after} when present. One query
     * (the memberships of {@link SummaryFilter#servedBy()} joined in it), whatever the number of rows: the dashboard
     * promises a page costs a constant number of statements. Every condition is applied in the query, so the answer
     * has {@code limit} rows whenever that many follow.
     */
    List<WorkspaceSummary> page(TenantId tenantId, SummaryFilter filter, DashboardSort sort, SortDirection direction,
                                Optional<SummaryPosition> after, int limit);

    /**
     * How many rows the tenant has (workspaces are never deleted, so this is the number of its workspaces once each
     * was written).
     */
    long count(TenantId tenantId);
}
