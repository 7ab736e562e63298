package io.clientworkspace.project;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.Permission;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Task lists, tasks and the onboarding checklist ({@code kit.tasks()}).
 *
 * <p>Who may do what: reading needs {@link Permission#VIEW_WORKSPACE}, plus {@link Permission#VIEW_INTERNAL} for
 * anything whose effective visibility is TEAM (the task, its list or its project is internal). Lists and tasks are
 * created, changed, moved and deleted with {@link Permission#MANAGE_PROJECTS} (the team). Completing and reopening:
 * the team with {@code MANAGE_PROJECTS} any task it sees; a client with {@link Permission#COMPLETE_TASKS} a
 * CLIENT-side task assigned to nobody or to themselves (a team member holding only {@code COMPLETE_TASKS}: tasks
 * assigned to themselves); anyone else who sees the task gets
 * {@link AccessDeniedException}, anyone who does not {@link NotFoundException} (exactly as for an id that does not
 * exist). In an archived workspace reads work and every change throws {@link ArchivedException}.
 *
 * <p>Assignees: a member of the workspace on the task's side; a CLIENT-side assignee must hold
 * {@code COMPLETE_TASKS} ("may not complete tasks"); anyone else "is not a member of this workspace". A task whose
 * effective visibility is TEAM must have side TEAM. Tasks of the onboarding checklist are client-visible.
 *
 * <p>Order and pages: new tasks go last; {@link #move} puts a task after another of the same list (or first). Pages
 * follow list order, and their cursors name the last task shown, so internal tasks leave no trace in a client's
 * pages. Every task change (moves, completions and deletions included) names the version it expects: of a
 * concurrent move and completion of one task one wins and the other gets a {@code STALE_VERSION} conflict. Task
 * changes never touch their list's or project's version.
 *
 * <p>The onboarding checklist: the workspace's one {@link TaskListKind#ONBOARDING} list, created on first use. The
 * first time all of its tasks are done, {@link OnboardingFacts#checklistCompletedAt()} is recorded (never cleared)
 * and {@link ProjectEvent.OnboardingChecklistCompleted} published.
 */
public final class TaskService {

    /** The most task lists a project (or the workspace level) holds. */
    public static final int MAX_LISTS = 200;
    /** The most tasks a list holds. */
    public static final int MAX_TASKS_PER_LIST = 20_000;
    /** The name of the onboarding checklist when it is created. */
    public static final String ONBOARDING_LIST_NAME = "Onboarding checklist";

    TaskService() {
    }

    // ---------------------------------------------------------------- lists

    /**
     * Creates an ordinary list, in a project the actor sees or at workspace level (at most {@value #MAX_LISTS} per
     * project or workspace level). Needs {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ValidationException {@code name}; {@code projectId} "no such project"
     */
    public TaskList createList(Actor actor, WorkspaceId workspaceId, NewTaskList list) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Renames a list. Needs {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ValidationException {@code name}
     * @throws ConflictException   {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public TaskList renameList(Actor actor, WorkspaceId workspaceId, TaskListId listId, String name,
                               long expectedVersion) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The list, if the actor may see it. */
    public Optional<TaskList> findList(Actor actor, WorkspaceId workspaceId, TaskListId listId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The list, or {@link NotFoundException} ("task list"). */
    public TaskList getList(Actor actor, WorkspaceId workspaceId, TaskListId listId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The lists the actor may see of a project (or, when {@code projectId} is empty, of the workspace level, the
     * onboarding checklist included, if created), in creation order, at most {@value #MAX_LISTS}.
     *
     * @throws NotFoundException ("project") if the project does not exist or the actor may not see it
     */
    public List<TaskList> lists(Actor actor, WorkspaceId workspaceId, Optional<ProjectId> projectId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The workspace's onboarding checklist, created on first use (by the system actor; race-safe: concurrent callers
     * get the same list). Anyone who sees the workspace.
     *
     * @throws NotFoundException ("task list", "onboarding") if it does not exist and the workspace is archived
     */
    public TaskList onboardingChecklist(Actor actor, WorkspaceId workspaceId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Done and total tasks of the onboarding checklist (0/0 when it does not exist yet). Anyone who sees the
     * workspace.
     */
    public ChecklistProgress checklistProgress(Actor actor, WorkspaceId workspaceId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Done and total tasks of the list that the actor may see (counted in the store). */
    public ChecklistProgress progress(Actor actor, WorkspaceId workspaceId, TaskListId listId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    // ---------------------------------------------------------------- tasks

    /**
     * Adds a task, last in the list (at most {@value #MAX_TASKS_PER_LIST} per list). Needs
     * {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ValidationException {@code title}, {@code notes}, {@code assignee}, {@code side}, {@code visibility}
     * @throws ConflictException   {@code INVALID_STATE} when the list is full
     */
    public Task addTask(Actor actor, WorkspaceId workspaceId, TaskListId listId, NewTask task) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Replaces every detail of the task (title, notes, side, assignee, due date, visibility). Needs
     * {@link Permission#MANAGE_PROJECTS}. No event and no new version when nothing changes. A due date moved makes
     * it eligible for the overdue sweep again.
     *
     * @throws ValidationException as {@link #addTask}
     * @throws ConflictException   {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public Task update(Actor actor, WorkspaceId workspaceId, TaskId taskId, NewTask details, long expectedVersion) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Ticks the task done (now, by the actor); see the class comment for who may. Idempotent: a task that is done
     * already is returned unchanged (no event, no new version, whatever {@code expectedVersion}: the state asked for
     * holds, so a retry or a second click succeeds).
     *
     * @throws ConflictException {@code STALE_VERSION} if it is not done and not at {@code expectedVersion}
     */
    public Task complete(Actor actor, WorkspaceId workspaceId, TaskId taskId, long expectedVersion) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Ticks the task undone; who may: as {@link #complete}. Idempotent like {@link #complete}: a task that is not done
     * is returned unchanged. The onboarding fact, once recorded, stays.
     *
     * @throws ConflictException {@code STALE_VERSION} if it is done and not at {@code expectedVersion}
     */
    public Task uncomplete(Actor actor, WorkspaceId workspaceId, TaskId taskId, long expectedVersion) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Moves the task right after {@code after} (first when empty) in its list. Needs
     * {@link Permission#MANAGE_PROJECTS}. Changes the task's version only.
     *
     * @throws ValidationException {@code after} "must be another task" (the task itself) or "no such task in this
     *                             list" (another list's, a foreign or unknown id)
     * @throws ConflictException   {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public Task move(Actor actor, WorkspaceId workspaceId, TaskId taskId, Optional<TaskId> after,
                     long expectedVersion) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Deletes the task. Needs {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ConflictException {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public void delete(Actor actor, WorkspaceId workspaceId, TaskId taskId, long expectedVersion) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The task, if the actor may see it. */
    public Optional<Task> find(Actor actor, WorkspaceId workspaceId, TaskId taskId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The task, or {@link NotFoundException} ("task"). */
    public Task get(Actor actor, WorkspaceId workspaceId, TaskId taskId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The list's tasks the actor may see, in list order, keyset-paged (the cursor names the page's last task).
     *
     * @throws NotFoundException   ("task list") if the actor may not see the list
     * @throws ValidationException {@code cursor} if it is not a cursor of this list, or its task is gone
     */
    public Page<Task> tasks(Actor actor, WorkspaceId workspaceId, TaskListId listId, PageRequest page) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The tasks of the workspace due on {@code from} to {@code to} (inclusive) that the actor may see, by due date,
     * at most {@code limit} (1 to 1,000); for the calendar.
     */
    public List<Task> dueBetween(Actor actor, WorkspaceId workspaceId, LocalDate from, LocalDate to, int limit) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The effective visibility of the task (TEAM if it, its list or its project is), if the actor may see it; for
     * features that attach to tasks (their conversations).
     */
    public Optional<Visibility> effectiveVisibility(Actor actor, WorkspaceId workspaceId, TaskId taskId) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
