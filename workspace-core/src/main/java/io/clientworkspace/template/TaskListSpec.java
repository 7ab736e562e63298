package io.clientworkspace.template;

import io.clientworkspace.activity.Visibility;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A task list of a template's project.
 *
 * @param name       1 to 200 characters, no control characters
 * @param visibility client-visible or internal; internal when its project is
 * @param tasks      the list's tasks in order (every task of the template counts towards the 1,000 in all)
 */
public record TaskListSpec(String name, Visibility visibility, List<TaskSpec> tasks) {

    public TaskListSpec {
        requireNonNull(name, "name must not be null");
        requireNonNull(visibility, "visibility must not be null");
        tasks = List.copyOf(requireNonNull(tasks, "tasks must not be null"));
    }
}
