package io.clientworkspace.calendar;

import io.clientworkspace.ScheduledEventId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A dated item on a workspace's calendar: a maintenance window, a review, a meeting. Start and end are
 * instants (UTC), whole seconds. A cancelled event is kept (calendar subscribers see it as cancelled) and can
 * no longer be changed.
 *
 * <p>The rules {@link CalendarService} enforces on every stored event: title 1 to {@value #MAX_TITLE}
 * characters, not blank, without control characters; description 0 to {@value #MAX_DESCRIPTION} characters
 * without control characters other than line feed and tab; location, when present, 1 to
 * {@value #MAX_LOCATION} characters, not blank, without control characters; {@code end} after {@code start}
 * and at most {@link #MAX_DURATION} later. Text is kept exactly as given (not trimmed).
 *
 * @param id          the event's id
 * @param tenantId    the tenant
 * @param workspaceId the workspace whose calendar holds it
 * @param kind        what it is
 * @param title       the title
 * @param description free text, possibly empty
 * @param location    where, if anywhere (a room, a URL)
 * @param start       when it starts (UTC, whole seconds)
 * @param end         when it ends (after {@code start})
 * @param visibility  who sees it: CLIENT (everyone of the workspace) or TEAM
 * @param cancelled   whether it was cancelled
 * @param createdBy   who scheduled it
 * @param createdAt   when it was scheduled
 * @param updatedAt   when it last changed (the feed's DTSTAMP)
 * @param version     optimistic version: 0 when scheduled, one more per change (the feed's SEQUENCE)
 */
public record ScheduledEvent(ScheduledEventId id, TenantId tenantId, WorkspaceId workspaceId, EventKind kind,
                             String title, String description, Optional<String> location, Instant start, Instant end,
                             Visibility visibility, boolean cancelled, UserId createdBy, Instant createdAt,
                             Instant updatedAt, long version) {

    /** The longest title, in characters. */
    public static final int MAX_TITLE = 200;
    /** The longest description, in characters. */
    public static final int MAX_DESCRIPTION = 5_000;
    /** The longest location, in characters. */
    public static final int MAX_LOCATION = 500;
    /** The longest event: 31 days. */
    public static final Duration MAX_DURATION = Duration.ofDays(31);

    public ScheduledEvent {
        requireNonNull(id, "id must not be null");
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(kind, "kind must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(description, "description must not be null");
        requireNonNull(location, "location must not be null");
        requireNonNull(start, "start must not be null");
        requireNonNull(end, "end must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(createdBy, "createdBy must not be null");
        requireNonNull(createdAt, "createdAt must not be null");
        requireNonNull(updatedAt, "updatedAt must not be null");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }

    /** The UTC calendar date on which it starts. */
    public LocalDate startDate() {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }

    /** Whether it overlaps the half-open interval {@code [from, to)}. */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    /** This event with the content of {@code change}, changed at {@code at} (the store sets the version). */
    ScheduledEvent with(NewScheduledEvent change, Instant at) {
        return new ScheduledEvent(id, tenantId, workspaceId, change.kind(), change.title(), change.description(),
                change.location(), CalendarService.seconds(change.start()), CalendarService.seconds(change.end()),
                change.visibility(), cancelled, createdBy, createdAt, at, version);
    }

    /** This event cancelled at {@code at} (the store sets the version). */
    ScheduledEvent cancelledAt(Instant at) {
        return new ScheduledEvent(id, tenantId, workspaceId, kind, title, description, location, start, end, visibility,
                true, createdBy, createdAt, at, version);
    }
}
