package io.clientworkspace.calendar;

import io.clientworkspace.activity.Visibility;

import java.time.Instant;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * A dated item of another feature shown on the calendar as an all-day entry: a milestone's or a task's due date.
 *
 * @param type       MILESTONE or TASK
 * @param id         the item's id
 * @param title      its title
 * @param date       its due date
 * @param visibility its effective visibility
 * @param closed     delivered / completed
 * @param updatedAt  when it last changed (the feed's DTSTAMP)
 * @param version    its version (the feed's SEQUENCE)
 */
record DueItem(AgendaEntry.Type type, String id, String title, LocalDate date, Visibility visibility,
               boolean closed, Instant updatedAt, long version) {

    DueItem {
        requireNonNull(type, "type must not be null");
        requireNonNull(id, "id must not be null");
        requireNonNull(title, "title must not be null");
        requireNonNull(date, "date must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(updatedAt, "updatedAt must not be null");
    }

    AgendaEntry toEntry() {
        return new AgendaEntry(type, id, title, date, java.util.Optional.empty(), java.util.Optional.empty(),
                visibility, closed);
    }
}
