package io.clientworkspace.spi;

import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.calendar.ScheduledEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Stores the scheduled events of workspace calendars. Every call names the tenant and the workspace; an event
 * is never found, listed or changed under another tenant or workspace. Events are never deleted (a cancelled
 * event is kept with {@code cancelled = true}).
 *
 * <p>Every field of {@link ScheduledEvent} must be kept exactly: text as given (up to 200 characters of title,
 * 5,000 of description, 500 of location, any Unicode including line feeds), instants to the microsecond (the
 * service stores whole seconds for start and end). A JPA implementation indexes
 * {@code (tenant_id, workspace_id, start_at, id)} for {@link #list}.
 */
public interface ScheduledEventStore {

    /**
     * A position in the order of {@link #list}: the start and id of the last event of the previous page. The
     * list continues strictly after it: with a later start, or the same start and a greater id.
     *
     * @param start the start of the last event returned
     * @param id    its id
     */
    record Position(Instant start, ScheduledEventId id) {
        public Position {
            requireNonNull(start, "start must not be null");
            requireNonNull(id, "id must not be null");
        }
    }

    /**
     * Stores a new event at version 0 (whatever {@code event.version()} says) and returns it as stored.
     *
     * @throws io.clientworkspace.ConflictException {@code ALREADY_EXISTS} if its id is taken in the workspace
     */
    ScheduledEvent insert(ScheduledEvent event);

    /**
     * Replaces the stored event whose version equals {@code event.version()}, storing it at that version plus
     * one, and returns it as stored. Only the event of {@code event.tenantId()} and {@code event.workspaceId()}
     * with {@code event.id()} is touched.
     *
     * @throws io.clientworkspace.ConflictException {@code STALE_VERSION} if there is no such event or its stored
     *                                              version differs (nothing changes then)
     */
    ScheduledEvent update(ScheduledEvent event);

    /** The event with this id in this workspace, cancelled or not. */
    Optional<ScheduledEvent> find(TenantId tenantId, WorkspaceId workspaceId, ScheduledEventId id);

    /**
     * Like {@link #find}, and inside a unit of work locks the event until it ends (a JPA implementation uses a
     * pessimistic write lock). The default is {@link #find}, enough for a store whose units of work are
     * serialized.
     */
    default Optional<ScheduledEvent> findForUpdate(TenantId tenantId, WorkspaceId workspaceId, ScheduledEventId id) {
        return find(tenantId, workspaceId, id);
    }

    /**
     * Up to {@code limit} events of the workspace that overlap the half-open interval {@code [from, to)} (start
     * before {@code to} and end after {@code from}), cancelled ones included, ordered by start and then by id
     * (ascending, ids compared as strings by {@link String#compareTo}, which a database does with a binary/"C"
     * collation), strictly after {@code after} when given; team-only ({@code TEAM}) events only when
     * {@code includeInternal} (the filter is part of the query, so a page is full whenever enough visible events
     * exist). {@code limit} is at least 1 and at most 1,001.
     */
    List<ScheduledEvent> list(TenantId tenantId, WorkspaceId workspaceId, Instant from, Instant to,
                              boolean includeInternal, Optional<Position> after, int limit);
}
