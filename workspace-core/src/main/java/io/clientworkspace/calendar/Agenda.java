package io.clientworkspace.calendar;

import java.time.LocalDate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What is on a workspace's calendar between two dates, for one actor: scheduled events and the due dates of
 * milestones and tasks the actor may see, merged by date: ordered by {@link AgendaEntry#date()}, then events (by start) before milestones
 * before tasks, then by id. At most {@link CalendarService#MAX_AGENDA_ENTRIES} entries.
 *
 * @param from      the first day (inclusive, UTC)
 * @param to        the day after the last (exclusive, UTC)
 * @param entries   the entries, unmodifiable
 * @param truncated whether more entries fell in the range than were returned (ask for a shorter range)
 */
public record Agenda(LocalDate from, LocalDate to, List<AgendaEntry> entries, boolean truncated) {

    public Agenda {
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        entries = List.copyOf(requireNonNull(entries, "entries must not be null"));
    }
}
