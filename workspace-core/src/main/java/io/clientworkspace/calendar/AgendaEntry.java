package io.clientworkspace.calendar;

import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One line of an {@link Agenda}: a scheduled event, or the due date of a milestone or a task.
 *
 * @param type       what it is
 * @param itemId     the id of the scheduled event, milestone or task
 * @param title      its title
 * @param date       the day it is listed under: an event's UTC start date (the agenda's first day for an
 *                   event that started before it), a milestone's or task's due date
 * @param start      an event's start; empty for due dates (all-day)
 * @param end        an event's end; empty for due dates
 * @param visibility its effective visibility (always CLIENT in a client's agenda)
 * @param closed     cancelled (event), delivered (milestone) or completed (task)
 */
public record AgendaEntry(Type type, String itemId, String title, LocalDate date, Optional<Instant> start,
                          Optional<Instant> end, Visibility visibility, boolean closed) {

    /** What an agenda entry is. */
    public enum Type {
        /** A {@link ScheduledEvent}. */
        EVENT,
        /** A milestone's due date. */
        MILESTONE,
        /** A task's due date. */
        TASK
    }

    public AgendaEntry {
        requireNonNull(type, "type must not be null");
        requireNonNull(itemId, "itemId must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(date, "date must not be null");
        requireNonNull(start, "start must not be null");
        requireNonNull(end, "end must not be null");
        requireNonNull(visibility, "visibility must not be null");
    }
}
