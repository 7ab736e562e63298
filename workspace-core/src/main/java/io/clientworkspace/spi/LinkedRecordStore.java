package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.record.LinkedRecord;
import io.clientworkspace.record.RecordAlerts;
import io.clientworkspace.record.RecordType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Stores the linked records of workspaces. Every call names the tenant and the workspace; a record is never found,
 * listed, counted or changed under another tenant or workspace. Within a workspace a record is identified by
 * {@code (type, hostId)}, which is unique; its {@link LinkedRecord#id()} is unique too.
 *
 * <p>Every field of {@link LinkedRecord} must be kept exactly: text as given (up to 200 characters of host id and
 * title, 2,000 of URL), amounts with their scale and currency, days, instants to the microsecond. A JPA
 * implementation holds a unique index on {@code (tenant_id, workspace_id, type, host_id)}, which also serves
 * {@link #list} and {@link #alertCounts}.
 */
public interface LinkedRecordStore {

    /**
     * A position in the order of {@link #list}: the type and host id of the last record of the previous page.
     *
     * @param type   the type of the last record returned
     * @param hostId its host id
     */
    record Position(RecordType type, String hostId) {
        public Position {
            requireNonNull(type, "type must not be null");
            requireNonNull(hostId, "hostId must not be null");
        }
    }

    /**
     * Stores a new record at version 0 (whatever {@code record.version()} says) and returns it as stored.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if the workspace already holds a record of
     *                                              that {@code (type, hostId)} or its id is taken (nothing changes)
     */
    LinkedRecord insert(LinkedRecord record);

    /**
     * Replaces the stored record of {@code record}'s workspace and {@code (type, hostId)} whose version equals
     * {@code record.version()}, storing it at that version plus one, and returns it as stored. The id and
     * {@code createdAt} stay as stored.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if there is no such record or its stored
     *                                              version differs (nothing changes then)
     */
    LinkedRecord update(LinkedRecord record);

    /** The record of {@code (type, hostId)} in this workspace, whatever its visibility. */
    Optional<LinkedRecord> find(TenantId tenantId, WorkspaceId workspaceId, RecordType type, String hostId);

    /**
     * Like {@link #find}, and inside a unit of work locks the record until it ends (a JPA implementation uses a
     * pessimistic write lock). The default is {@link #find}, enough for a store whose units of work are serialized.
     */
    default Optional<LinkedRecord> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, RecordType type,
                                                 String hostId) {
        return find(tenantId, workspaceId, type, hostId);
    }

    /**
     * Up to {@code limit} records of the workspace ordered by type name and then host id (ascending, compared as
     * strings by {@link String#compareTo}, which a database does with a binary/"C" collation), strictly after
     * {@code after} when given; only of {@code type} when given; {@code TEAM} records only when
     * {@code includeInternal}; invoices only when {@code includeInvoices}. The filters are part of the query, so a
     * page is full whenever enough matching records exist. {@code limit} is at least 1 and at most 1,001.
     */
    List<LinkedRecord> list(TenantId tenantId, WorkspaceId workspaceId, Optional<RecordType> type,
                            boolean includeInternal, boolean includeInvoices, Optional<Position> after, int limit);

    /**
     * Removes the record of {@code (type, hostId)} whose stored version equals {@code expectedVersion}.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if there is no such record or its version
     *                                              differs (nothing changes then)
     */
    void delete(TenantId tenantId, WorkspaceId workspaceId, RecordType type, String hostId, long expectedVersion);

    /**
     * The workspace's alerts counted over every record whatever its visibility: invoices with status {@code OPEN} and
     * {@code dueOn < today}, tickets with status {@code OPEN} or {@code PENDING}. One aggregate query in a database
     * (the operator dashboard calls it inside units of work).
     */
    RecordAlerts alertCounts(TenantId tenantId, WorkspaceId workspaceId, LocalDate today);
}
