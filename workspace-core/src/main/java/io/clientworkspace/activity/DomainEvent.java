package io.clientworkspace.activity;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Something that happened, delivered to {@link DomainEventListener}s after the operation that caused
 * it has committed. Each feature package defines its own event records.
 *
 * <p>An event is the one description of a change: the activity entries the change appends to its
 * workspace's log are derived from it ({@link #activity()}), inside the operation's unit of work, when the
 * operation publishes the event. Each entry takes the event's tenant, workspace, actor and
 * {@link #visibility()}; the event says the action, the target and the details.
 *
 * <p>A listener that forwards events to clients must drop events whose {@link #visibility()} is
 * {@link Visibility#TEAM}.
 */
public interface DomainEvent {

    /** The tenant in which it happened. */
    TenantId tenantId();

    /** The workspace in which it happened, if it happened inside one. */
    Optional<WorkspaceId> workspaceId();

    /** Who caused it. */
    Actor actor();

    /** When it happened (UTC, microsecond precision). */
    Instant occurredAt();

    /** Who may be told about it; also who may see the activity entries derived from it. */
    Visibility visibility();

    /**
     * The entries this event appends to its workspace's activity log, in order (usually one). Events that
     * happen outside a workspace (a tenant's roster, its permission matrix) have no activity log and return
     * an empty list; an event inside a workspace describes at least one entry.
     */
    List<ActivityDescription> activity();
}
