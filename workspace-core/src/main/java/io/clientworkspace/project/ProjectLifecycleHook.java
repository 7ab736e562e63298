package io.clientworkspace.project;

import io.clientworkspace.Actor;
import io.clientworkspace.internal.Changes;

/**
 * Called inside the unit of work that changes who may see a task or a status update (a task's own visibility, a
 * project's visibility, which every status update, list and task of the project inherits) or deletes a task, so
 * that work bound to those items (their conversations) follows atomically: if a hook throws, the whole operation
 * changes nothing. Features installed after the projects feature contribute it in their first phase. The stores
 * already hold the new state when a hook runs.
 */
public interface ProjectLifecycleHook {

    /** The task's own visibility changed from {@code before} to {@code after}. */
    default void taskVisibilityChanged(Actor actor, Task before, Task after, Changes changes) {
    }

    /** The task was deleted (it is no longer in the store). */
    default void taskDeleted(Actor actor, Task task, Changes changes) {
    }

    /**
     * The project's visibility changed from {@code before} to {@code after}: the effective visibility of its status
     * updates, task lists and tasks may have changed with it.
     */
    default void projectVisibilityChanged(Actor actor, Project before, Project after, Changes changes) {
    }
}
