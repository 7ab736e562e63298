package io.clientworkspace.template;

import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.TaskSide;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A task of a template's task list.
 *
 * @param title         1 to 200 characters, no control characters
 * @param notes         0 to 10,000 characters, no control characters but line breaks and tabs
 * @param side          which side should act; a task that is internal (itself, its list or its project) must be
 *                      {@link TaskSide#TEAM}
 * @param dueOffsetDays when present, due this many days after the start date (0 to 3,650), not before its
 *                      project's start
 * @param visibility    client-visible or internal
 */
public record TaskSpec(String title, String notes, TaskSide side, Optional<Integer> dueOffsetDays,
                       Visibility visibility) {

    public TaskSpec {
        requireNonNull(title, "title must not be null");
        requireNonNull(notes, "notes must not be null");
        requireNonNull(side, "side must not be null");
        requireNonNull(dueOffsetDays, "dueOffsetDays must not be null");
        requireNonNull(visibility, "visibility must not be null");
    }
}
