/**
 * The workspace calendar: {@link io.clientworkspace.calendar.ScheduledEvent scheduled events} (maintenance
 * windows, reviews, meetings, releases) with start and end in UTC, the agenda that merges them with the due
 * dates of milestones and tasks, and the iCalendar (RFC 5545) feed of an actor's visible items
 * ({@link io.clientworkspace.calendar.IcsWriter}), which calendar applications subscribe to with a per member
 * and workspace feed token. Clients never learn anything about internal (team-only) items: every list, page,
 * cursor, agenda and feed they get is the same whether or not internal items exist.
 */
@NullMarked
package io.clientworkspace.calendar;

import org.jspecify.annotations.NullMarked;
