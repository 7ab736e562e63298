package io.clientworkspace.activity;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened, delivered to {@link DomainEventListener}s after the operation that caused
 * it has committed. Each feature package defines its own event records.
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

    /** Who may be told about it. */
    Visibility visibility();
}
