package io.clientworkspace.record;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.Permission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Changes of linked records. Activity: {@code record.created}, {@code record.changed}, {@code record.deleted} on
 * target type {@code record} (the record's id) with details {@code type}, {@code hostId}, {@code title} and
 * {@code status} — never the amount.
 *
 * <h2>Who may be told</h2>
 *
 * <p>{@link #visibility()} is the record's visibility, except for invoices, which are always {@code TEAM}: the
 * activity log and generic event forwarding filter by visibility only and cannot tell a client holding
 * {@code VIEW_BILLING} from one without it, so invoice changes stay out of every client's activity. Code that can
 * check permissions (notifications) uses {@link #requiredPermission()} and {@link #recordVisibility()} instead:
 * a client may be told about the change when the record's visibility is {@code CLIENT} and it holds the required
 * permission ({@code VIEW_BILLING} for invoices, {@code VIEW_WORKSPACE} otherwise); a {@code TEAM} record needs
 * {@code VIEW_INTERNAL}.
 */
public sealed interface RecordEvent extends DomainEvent {

    /** The record after the change (for a deletion: as it was when deleted). */
    LinkedRecord record();

    @Override
    default TenantId tenantId() {
        return record().tenantId();
    }

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(record().workspaceId());
    }

    /** The visibility of the record the event is about. */
    default Visibility recordVisibility() {
        return record().visibility();
    }

    /** {@code TEAM} for invoices and team-only records, {@code CLIENT} otherwise: see the interface comment. */
    @Override
    default Visibility visibility() {
        return record().type() == RecordType.INVOICE ? Visibility.TEAM : record().visibility();
    }

    /**
     * The permission a member needs to be told about this change: {@code VIEW_INTERNAL} for a team-only record,
     * {@code VIEW_BILLING} for a client-visible invoice, {@code VIEW_WORKSPACE} otherwise.
     */
    default Permission requiredPermission() {
        if (record().visibility() == Visibility.TEAM) {
            return Permission.VIEW_INTERNAL;
        }
        return record().type() == RecordType.INVOICE ? Permission.VIEW_BILLING : Permission.VIEW_WORKSPACE;
    }

    private static ActivityDescription describe(String action, LinkedRecord record) {
        return new ActivityDescription(action, "record", record.id().value(), Map.of("type", record.type().name(),
                "hostId", record.hostId(), "title", record.title(), "status", record.status()));
    }

    /** A record was linked into the workspace (version 0). */
    record LinkedRecordCreated(LinkedRecord record, Actor actor, Instant occurredAt) implements RecordEvent {
        public LinkedRecordCreated {
            requireNonNull(record, "record must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(describe("record.created", record));
        }
    }

    /**
     * A record's content changed (version + 1). When its visibility changed to or from {@code TEAM}, the event is
     * {@code TEAM} if the record is team-only now (clients only notice that it is gone).
     *
     * @param previous the record before the change
     * @param record   the record after it
     */
    record LinkedRecordChanged(LinkedRecord previous, LinkedRecord record, Actor actor, Instant occurredAt)
            implements RecordEvent {
        public LinkedRecordChanged {
            requireNonNull(previous, "previous must not be null");
            requireNonNull(record, "record must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(describe("record.changed", record));
        }
    }

    /** A record was unlinked from the workspace; {@code record} is how it was. */
    record LinkedRecordDeleted(LinkedRecord record, Actor actor, Instant occurredAt) implements RecordEvent {
        public LinkedRecordDeleted {
            requireNonNull(record, "record must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(describe("record.deleted", record));
        }
    }
}
