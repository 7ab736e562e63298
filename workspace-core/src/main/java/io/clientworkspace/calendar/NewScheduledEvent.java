package io.clientworkspace.calendar;

import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What to schedule, or what an event becomes when it is updated (every field is replaced). The rules are
 * those of {@link ScheduledEvent}; {@link CalendarService} reports every broken one at once as field errors
 * ({@code title}, {@code description}, {@code location}, {@code end}). Start and end are truncated to whole
 * seconds (the precision of the calendar feed).
 *
 * @param kind        what it is
 * @param title       1 to 200 characters
 * @param description 0 to 5,000 characters (line feeds and tabs allowed)
 * @param location    1 to 500 characters when present
 * @param start       when it starts
 * @param end         when it ends: after {@code start}, at most 31 days later
 * @param visibility  CLIENT or TEAM (TEAM needs {@code VIEW_INTERNAL})
 */
public record NewScheduledEvent(EventKind kind, String title, String description, Optional<String> location,
                                Instant start, Instant end, Visibility visibility) {

    public NewScheduledEvent {
        requireNonNull(kind, "kind must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(description, "description must not be null");
        requireNonNull(location, "location must not be null");
        requireNonNull(start, "start must not be null");
        requireNonNull(end, "end must not be null");
        requireNonNull(visibility, "visibility must not be null");
    }

    /** A client-visible event without description or location. */
    public static NewScheduledEvent of(EventKind kind, String title, Instant start, Instant end) {
        return new NewScheduledEvent(kind, title, "", Optional.empty(), start, end, Visibility.CLIENT);
    }

    /** This event, team-only. */
    public NewScheduledEvent internal() {
        return new NewScheduledEvent(kind, title, description, location, start, end, Visibility.TEAM);
    }

    /** This event with a description. */
    public NewScheduledEvent withDescription(String text) {
        return new NewScheduledEvent(kind, title, text, location, start, end, visibility);
    }

    /** This event at a location. */
    public NewScheduledEvent at(String where) {
        return new NewScheduledEvent(kind, title, description, Optional.of(where), start, end, visibility);
    }

    /** This event with another title. */
    public NewScheduledEvent titled(String text) {
        return new NewScheduledEvent(kind, text, description, location, start, end, visibility);
    }

    /** This event at other times. */
    public NewScheduledEvent between(Instant from, Instant until) {
        return new NewScheduledEvent(kind, title, description, location, from, until, visibility);
    }

    /** This event with another visibility. */
    public NewScheduledEvent visibleTo(Visibility who) {
        return new NewScheduledEvent(kind, title, description, location, start, end, who);
    }
}
