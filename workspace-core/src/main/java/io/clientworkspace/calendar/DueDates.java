package io.clientworkspace.calendar;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceId;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the calendar finds the due dates of other features (milestones, tasks). Implementations answer only
 * what the actor may see, through that feature's service, never its stores.
 */
interface DueDates {

    /** No due dates (the projects feature is unavailable). */
    DueDates NONE = (actor, workspaceId, from, to, limit) -> List.of();

    /**
     * Up to {@code limit} due items the actor may see with a due date in {@code [from, to)}, ordered by date,
     * then milestones before tasks, then id.
     */
    List<DueItem> due(Actor actor, WorkspaceId workspaceId, LocalDate from, LocalDate to, int limit);
}
