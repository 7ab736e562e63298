package io.clientworkspace.template;

import io.clientworkspace.activity.Visibility;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A project every workspace made from the template gets (owned by the workspace's lead).
 *
 * @param name             1 to 200 characters, no control characters
 * @param description      0 to 10,000 characters, no control characters but line breaks and tabs
 * @param visibility       client-visible or internal
 * @param startOffsetDays  the project starts this many days after the start date (0 to 3,650)
 * @param targetOffsetDays when present, its target date, in days after the start date (0 to 3,650), not before
 *                         its start
 * @param milestones       at most 100, each due on or after the project's start
 * @param taskLists        its task lists in order
 */
public record ProjectSpec(String name, String description, Visibility visibility, int startOffsetDays,
                          Optional<Integer> targetOffsetDays, List<MilestoneSpec> milestones,
                          List<TaskListSpec> taskLists) {

    public ProjectSpec {
        requireNonNull(name, "name must not be null");
        requireNonNull(description, "description must not be null");
        requireNonNull(visibility, "visibility must not be null");
        requireNonNull(targetOffsetDays, "targetOffsetDays must not be null");
        milestones = List.copyOf(requireNonNull(milestones, "milestones must not be null"));
        taskLists = List.copyOf(requireNonNull(taskLists, "taskLists must not be null"));
    }
}
