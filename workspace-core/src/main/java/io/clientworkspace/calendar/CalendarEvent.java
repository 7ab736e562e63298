package io.clientworkspace.calendar;

import io.clientworkspace.Actor;
import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityDescription;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Events about scheduled events of a workspace calendar. Each carries the event's visibility (after the
 * change), so a team-only event never reaches clients. Activity entries hold ids, titles, kinds and times only,
 * never descriptions or locations. Issuing and revoking feed tokens publish no events.
 */
public sealed interface CalendarEvent extends DomainEvent {

    /** The workspace. */
    WorkspaceId workspace();

    /** The scheduled event. */
    ScheduledEventId eventId();

    @Override
    default Optional<WorkspaceId> workspaceId() {
        return Optional.of(workspace());
    }

    private static ActivityDescription entry(ScheduledEventId id, String action, String title, EventKind kind,
                                             Instant start, Instant end) {
        return new ActivityDescription(action, "scheduled-event", id.value(), Map.of("title", title,
                "kind", kind.name(), "start", start.toString(), "end", end.toString()));
    }

    /**
     * An event was scheduled. Activity: {@code calendar.scheduled} with title, kind, start and end.
     */
    record EventScheduled(TenantId tenantId, WorkspaceId workspace, ScheduledEventId eventId, String title,
                          EventKind kind, Instant start, Instant end, Visibility visibility, Actor actor,
                          Instant occurredAt) implements CalendarEvent {
        public EventScheduled {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(eventId, "eventId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(kind, "kind must not be null");
            requireNonNull(start, "start must not be null");
            requireNonNull(end, "end must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry(eventId, "calendar.scheduled", title, kind, start, end));
        }
    }

    /**
     * An event was changed (any of its fields; its visibility is the new one, so an event made team-only is
     * reported to the team only). Activity: {@code calendar.updated} with the new title, kind, start and end.
     */
    record EventUpdated(TenantId tenantId, WorkspaceId workspace, ScheduledEventId eventId, String title,
                        EventKind kind, Instant start, Instant end, Visibility visibility, Actor actor,
                        Instant occurredAt) implements CalendarEvent {
        public EventUpdated {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(eventId, "eventId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(kind, "kind must not be null");
            requireNonNull(start, "start must not be null");
            requireNonNull(end, "end must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry(eventId, "calendar.updated", title, kind, start, end));
        }
    }

    /** An event was cancelled. Activity: {@code calendar.cancelled} with title, kind, start and end. */
    record EventCancelled(TenantId tenantId, WorkspaceId workspace, ScheduledEventId eventId, String title,
                          EventKind kind, Instant start, Instant end, Visibility visibility, Actor actor,
                          Instant occurredAt) implements CalendarEvent {
        public EventCancelled {
            requireNonNull(tenantId, "tenantId must not be null");
            requireNonNull(workspace, "workspace must not be null");
            requireNonNull(eventId, "eventId must not be null");
            requireNonNull(title, "title must not be null");
            requireNonNull(kind, "kind must not be null");
            requireNonNull(start, "start must not be null");
            requireNonNull(end, "end must not be null");
            requireNonNull(visibility, "visibility must not be null");
            requireNonNull(actor, "actor must not be null");
            requireNonNull(occurredAt, "occurredAt must not be null");
        }

        @Override
        public List<ActivityDescription> activity() {
            return List.of(entry(eventId, "calendar.cancelled", title, kind, start, end));
        }
    }
}
