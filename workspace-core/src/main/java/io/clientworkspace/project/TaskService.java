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

import io.clientworkspace.FieldError;
import io.clientworkspace.UserId;
import io.clientworkspace.internal.Changes;
import io.clientworkspace.internal.Cursors;
import io.clientworkspace.internal.DateBounds;
import io.clientworkspace.internal.Kernel;
import io.clientworkspace.member.AccessGrant;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.OnboardingStore;
import io.clientworkspace.spi.ProjectStore;
import io.clientworkspace.spi.TaskListStore;
import io.clientworkspace.spi.TaskStore;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceAccess;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.clientworkspace.project.ProjectRules.effective;
import static io.clientworkspace.project.ProjectRules.system;
import static io.clientworkspace.project.ProjectRules.text;
import static io.clientworkspace.project.ProjectRules.throwIfAny;
import static io.clientworkspace.project.ProjectRules.MAX_TEXT;
import static io.clientworkspace.project.ProjectRules.MAX_TITLE;
import static io.clientworkspace.project.ProjectService.checkVersion;
import static io.clientworkspace.project.ProjectService.notFound;
import static java.util.Objects.requireNonNull;

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

    private static final String TASKS = "tsk";

    private final List<ProjectLifecycleHook> hooks;
    private final Kernel kernel;
    private final WorkspaceAccess access;
    private final Authorizer authorizer;
    private final ProjectStore projects;
    private final TaskListStore lists;
    private final TaskStore tasks;
    private final OnboardingStore onboarding;

    TaskService(Kernel kernel, WorkspaceAccess access, Authorizer authorizer, List<ProjectLifecycleHook> hooks) {
        this.hooks = List.copyOf(requireNonNull(hooks, "hooks must not be null"));
        this.kernel = requireNonNull(kernel, "kernel must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.authorizer = requireNonNull(authorizer, "authorizer must not be null");
        this.projects = kernel.stores().require(ProjectStore.class);
        this.lists = kernel.stores().require(TaskListStore.class);
        this.tasks = kernel.stores().require(TaskStore.class);
        this.onboarding = kernel.stores().require(OnboardingStore.class);
    }

    // ---------------------------------------------------------------- lists

    /**
     * Creates an ordinary list, in a project the actor sees or at workspace level (at most {@value #MAX_LISTS} per
     * project or workspace level). Needs {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ValidationException {@code name}; {@code projectId} "no such project"
     */
    public TaskList createList(Actor actor, WorkspaceId workspaceId, NewTaskList list) {
        requireNonNull(list, "list must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "create task lists");
            List<FieldError> errors = new ArrayList<>();
            text(errors, "name", list.name(), 1, MAX_TITLE, false);
            Optional<Project> project = Optional.empty();
            if (list.projectId().isPresent()) {
                project = projects.find(actor.tenantId(), workspaceId, list.projectId().get())
                        .filter(p -> internal || p.visibility() == Visibility.CLIENT);
                if (project.isEmpty()) {
                    errors.add(FieldError.of("projectId", "no such project"));
                }
            }
            throwIfAny(errors);
            // writable() locked the workspace's row for this unit of work: concurrent creations wait, the count holds
            if (lists.list(actor.tenantId(), workspaceId, list.projectId(), true, MAX_LISTS).size() >= MAX_LISTS) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE, "There are " + MAX_LISTS
                        + " task lists " + (project.isPresent() ? "in project '" + project.get().name() + "'"
                        : "at workspace level") + " already, the most allowed");
            }
            Instant now = changes.now();
            TaskList stored = lists.insert(new TaskList(TaskListId.of(kernel.newId()), actor.tenantId(), workspaceId,
                    list.projectId(), TaskListKind.PROJECT, list.name(), list.visibility(), now, now, 0));
            changes.publish(new TaskEvent.TaskListCreated(actor.tenantId(), workspaceId, stored.id(),
                    stored.projectId(), stored.kind(), stored.name(),
                    effective(stored.visibility(), project.map(Project::visibility).orElse(Visibility.CLIENT)), actor,
                    now));
            return stored;
        });
    }

    /**
     * Renames a list. Needs {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ValidationException {@code name}
     * @throws ConflictException   {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public TaskList renameList(Actor actor, WorkspaceId workspaceId, TaskListId listId, String name,
                               long expectedVersion) {
        requireNonNull(name, "name must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "rename task lists");
            TaskList current = visibleList(actor, workspaceId, listId, internal);
            checkVersion("task list", listId.value(), current.version(), expectedVersion);
            List<FieldError> errors = new ArrayList<>();
            text(errors, "name", name, 1, MAX_TITLE, false);
            throwIfAny(errors);
            if (current.name().equals(name)) {
                return current;
            }
            TaskList stored = lists.update(current.withName(name, changes.now()));
            changes.publish(new TaskEvent.TaskListRenamed(actor.tenantId(), workspaceId, listId, name,
                    effectiveVisibility(stored), actor, changes.now()));
            return stored;
        });
    }

    /** The list, if the actor may see it. */
    public Optional<TaskList> findList(Actor actor, WorkspaceId workspaceId, TaskListId listId) {
        requireNonNull(listId, "listId must not be null");
        Optional<Boolean> internal = readableOptional(actor, workspaceId);
        if (internal.isEmpty()) {
            return Optional.empty();
        }
        return lists.find(actor.tenantId(), workspaceId, listId)
                .filter(l -> internal.get() || effectiveVisibility(l) == Visibility.CLIENT);
    }

    /** The list, or {@link NotFoundException} ("task list"). */
    public TaskList getList(Actor actor, WorkspaceId workspaceId, TaskListId listId) {
        return findList(actor, workspaceId, listId).orElseThrow(() -> notFound("task list", listId.value()));
    }

    /**
     * The lists the actor may see of a project (or, when {@code projectId} is empty, of the workspace level, the
     * onboarding checklist included, if created), in creation order, at most {@value #MAX_LISTS}.
     *
     * @throws NotFoundException ("project") if the project does not exist or the actor may not see it
     */
    public List<TaskList> lists(Actor actor, WorkspaceId workspaceId, Optional<ProjectId> projectId) {
        requireNonNull(projectId, "projectId must not be null");
        boolean internal = readable(actor, workspaceId);
        if (projectId.isPresent()) {
            visibleProject(actor, workspaceId, projectId.get(), internal);
        }
        return lists.list(actor.tenantId(), workspaceId, projectId, internal, MAX_LISTS);
    }

    /**
     * The workspace's onboarding checklist, if it was created (reads only, never creates it). Anyone who sees the
     * workspace; empty when it does not exist yet.
     *
     * @throws NotFoundException ("workspace") if the actor may not see the workspace
     */
    public Optional<TaskList> findOnboardingChecklist(Actor actor, WorkspaceId workspaceId) {
        readable(actor, workspaceId);
        return lists.findOnboarding(actor.tenantId(), workspaceId);
    }

    /**
     * The workspace's onboarding checklist, created if it does not exist yet (by the system actor; race-safe:
     * concurrent callers get the same list). For writers only, who are about to add items to it: needs
     * {@link Permission#MANAGE_PROJECTS}. Readers use {@link #findOnboardingChecklist} and
     * {@link #checklistProgress}, which never write.
     *
     * @throws NotFoundException ("task list", "onboarding") if it does not exist and the workspace is archived
     */
    public TaskList onboardingChecklist(Actor actor, WorkspaceId workspaceId) {
        access.require(actor, workspaceId, Permission.MANAGE_PROJECTS, "create the onboarding checklist");
        Optional<TaskList> existing = lists.findOnboarding(actor.tenantId(), workspaceId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return kernel.write(changes -> {
                Workspace locked = kernel.stores().workspaces().findForUpdate(actor.tenantId(), workspaceId)
                        .orElseThrow(() -> notFound("workspace", workspaceId.value()));
                Optional<TaskList> raced = lists.findOnboarding(actor.tenantId(), workspaceId);
                if (raced.isPresent()) {
                    return raced.get();
                }
                if (locked.isArchived()) {
                    throw notFound("task list", "onboarding");
                }
                Instant now = changes.now();
                TaskList stored = lists.insert(new TaskList(TaskListId.of(kernel.newId()), actor.tenantId(),
                        workspaceId, Optional.empty(), TaskListKind.ONBOARDING, ONBOARDING_LIST_NAME,
                        Visibility.CLIENT, now, now, 0));
                changes.publish(new TaskEvent.TaskListCreated(actor.tenantId(), workspaceId, stored.id(),
                        Optional.empty(), TaskListKind.ONBOARDING, stored.name(), Visibility.CLIENT,
                        system(actor.tenantId()), now));
                return stored;
            });
        } catch (ConflictException e) {
            // another node created it first (the JPA store's unique index): its list is the one
            if (e.reason() != ConflictException.Reason.ALREADY_EXISTS) {
                throw e;
            }
            return lists.findOnboarding(actor.tenantId(), workspaceId).orElseThrow(() -> e);
        }
    }

    /**
     * Done and total tasks of the onboarding checklist (0/0 when it does not exist yet). Anyone who sees the
     * workspace.
     */
    public ChecklistProgress checklistProgress(Actor actor, WorkspaceId workspaceId) {
        boolean internal = readable(actor, workspaceId);
        return lists.findOnboarding(actor.tenantId(), workspaceId)
                .map(l -> tasks.progress(actor.tenantId(), workspaceId, l.id(), internal))
                .orElse(new ChecklistProgress(0, 0));
    }

    /** Done and total tasks of the list that the actor may see (counted in the store). */
    public ChecklistProgress progress(Actor actor, WorkspaceId workspaceId, TaskListId listId) {
        boolean internal = readable(actor, workspaceId);
        visibleList(actor, workspaceId, listId, internal);
        return tasks.progress(actor.tenantId(), workspaceId, listId, internal);
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
        requireNonNull(task, "task must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "add tasks");
            TaskList list = visibleList(actor, workspaceId, listId, internal);
            Visibility listVisibility = effectiveVisibility(list);
            checkDetails(actor, workspaceId, list, listVisibility, task, Optional.empty());
            // writable() locked the workspace's row for this unit of work: concurrent adds wait, the count holds
            if (tasks.progress(actor.tenantId(), workspaceId, listId, true).total() >= MAX_TASKS_PER_LIST) {
                throw new ConflictException(ConflictException.Reason.INVALID_STATE, "Task list '" + list.name()
                        + "' already holds " + MAX_TASKS_PER_LIST + " tasks, the most a list holds");
            }
            Instant now = changes.now();
            Task stored = tasks.insert(new Task(TaskId.of(kernel.newId()), actor.tenantId(), workspaceId, listId,
                    task.title(), task.notes(), task.side(), task.assignee(), task.dueDate(), Optional.empty(),
                    task.visibility(), actor.userId(), now, now, 0));
            Visibility visibility = effective(stored.visibility(), listVisibility);
            changes.publish(new TaskEvent.TaskAdded(actor.tenantId(), workspaceId, listId, stored.id(), stored.title(),
                    stored.side(), stored.assignee(), stored.dueDate(), visibility, actor, now));
            if (stored.assignee().isPresent()) {
                changes.publish(new TaskEvent.TaskAssigned(actor.tenantId(), workspaceId, listId, stored.id(),
                        stored.title(), stored.assignee(), visibility, actor, now));
            }
            return stored;
        });
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
        requireNonNull(details, "details must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "change tasks");
            Task current = visibleTask(actor, workspaceId, taskId, internal);
            checkVersion("task", taskId.value(), current.version(), expectedVersion);
            TaskList list = visibleList(actor, workspaceId, current.listId(), internal);
            Visibility listVisibility = effectiveVisibility(list);
            checkDetails(actor, workspaceId, list, listVisibility, details, Optional.of(current));
            Set<String> changed = new TreeSet<>();
            if (!current.title().equals(details.title())) {
                changed.add("title");
            }
            if (!current.notes().equals(details.notes())) {
                changed.add("notes");
            }
            if (current.side() != details.side()) {
                changed.add("side");
            }
            if (!current.dueDate().equals(details.dueDate())) {
                changed.add("dueDate");
            }
            if (current.visibility() != details.visibility()) {
                changed.add("visibility");
            }
            boolean reassigned = !current.assignee().equals(details.assignee());
            if (changed.isEmpty() && !reassigned) {
                return current;
            }
            Instant now = changes.now();
            Task stored = tasks.update(current.withDetails(details, now));
            if (changed.contains("visibility")) {
                hooks.forEach(h -> h.taskVisibilityChanged(actor, current, stored, changes));
            }
            Visibility visibility = effective(stored.visibility(), listVisibility);
            if (!changed.isEmpty()) {
                changes.publish(new TaskEvent.TaskUpdated(actor.tenantId(), workspaceId, stored.listId(), taskId,
                        stored.title(), changed, visibility, actor, now));
            }
            if (reassigned) {
                changes.publish(new TaskEvent.TaskAssigned(actor.tenantId(), workspaceId, stored.listId(), taskId,
                        stored.title(), stored.assignee(), visibility, actor, now));
            }
            return stored;
        });
    }

    /**
     * Ticks the task done (now, by the actor); see the class comment for who may. Idempotent: a task that is done
     * already is returned unchanged (no event, no new version, whatever {@code expectedVersion}: the state asked for
     * holds, so a retry or a second click succeeds).
     *
     * @throws ConflictException {@code STALE_VERSION} if it is not done and not at {@code expectedVersion}
     */
    public Task complete(Actor actor, WorkspaceId workspaceId, TaskId taskId, long expectedVersion) {
        return tick(actor, workspaceId, taskId, expectedVersion, true);
    }

    /**
     * Ticks the task undone; who may: as {@link #complete}. Idempotent like {@link #complete}: a task that is not done
     * is returned unchanged. The onboarding fact, once recorded, stays.
     *
     * @throws ConflictException {@code STALE_VERSION} if it is done and not at {@code expectedVersion}
     */
    public Task uncomplete(Actor actor, WorkspaceId workspaceId, TaskId taskId, long expectedVersion) {
        return tick(actor, workspaceId, taskId, expectedVersion, false);
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
        requireNonNull(after, "after must not be null");
        return kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "move tasks");
            Task current = visibleTask(actor, workspaceId, taskId, internal);
            if (after.isPresent()) {
                if (after.get().equals(taskId)) {
                    throw new ValidationException(FieldError.of("after", "must be another task"));
                }
                Optional<Task> anchor = tasks.find(actor.tenantId(), workspaceId, after.get())
                        .filter(t -> t.listId().equals(current.listId()))
                        .filter(t -> internal || t.visibility() == Visibility.CLIENT);
                if (anchor.isEmpty()) {
                    throw new ValidationException(FieldError.of("after", "no such task in this list"));
                }
            }
            checkVersion("task", taskId.value(), current.version(), expectedVersion);
            TaskList list = visibleList(actor, workspaceId, current.listId(), internal);
            Task stored = tasks.move(current.withUpdatedAt(changes.now()), after);
            changes.publish(new TaskEvent.TaskMoved(actor.tenantId(), workspaceId, stored.listId(), taskId,
                    stored.title(), effective(stored.visibility(), effectiveVisibility(list)), actor, changes.now()));
            return stored;
        });
    }

    /**
     * Deletes the task. Needs {@link Permission#MANAGE_PROJECTS}.
     *
     * @throws ConflictException {@code STALE_VERSION} if it is not at {@code expectedVersion}
     */
    public void delete(Actor actor, WorkspaceId workspaceId, TaskId taskId, long expectedVersion) {
        kernel.write(changes -> {
            boolean internal = writable(actor, workspaceId, "delete tasks");
            Task current = visibleTask(actor, workspaceId, taskId, internal);
            checkVersion("task", taskId.value(), current.version(), expectedVersion);
            TaskList list = visibleList(actor, workspaceId, current.listId(), internal);
            tasks.delete(actor.tenantId(), workspaceId, taskId, expectedVersion);
            hooks.forEach(h -> h.taskDeleted(actor, current, changes));
            changes.publish(new TaskEvent.TaskDeleted(actor.tenantId(), workspaceId, current.listId(), taskId,
                    current.title(), effective(current.visibility(), effectiveVisibility(list)), actor, changes.now()));
            checklistCompleted(actor, list, changes);
            return null;
        });
    }

    /** The task, if the actor may see it. */
    public Optional<Task> find(Actor actor, WorkspaceId workspaceId, TaskId taskId) {
        requireNonNull(taskId, "taskId must not be null");
        Optional<Boolean> internal = readableOptional(actor, workspaceId);
        if (internal.isEmpty()) {
            return Optional.empty();
        }
        return tasks.find(actor.tenantId(), workspaceId, taskId)
                .filter(t -> internal.get() || effectiveVisibility(t) == Visibility.CLIENT);
    }

    /** The task, or {@link NotFoundException} ("task"). */
    public Task get(Actor actor, WorkspaceId workspaceId, TaskId taskId) {
        return find(actor, workspaceId, taskId).orElseThrow(() -> notFound("task", taskId.value()));
    }

    /**
     * The list's tasks the actor may see, in list order, keyset-paged (the cursor names the page's last task).
     *
     * @throws NotFoundException   ("task list") if the actor may not see the list
     * @throws ValidationException {@code cursor} if it is not a cursor of this list, or its task is gone
     */
    public Page<Task> tasks(Actor actor, WorkspaceId workspaceId, TaskListId listId, PageRequest page) {
        requireNonNull(page, "page must not be null");
        boolean internal = readable(actor, workspaceId);
        visibleList(actor, workspaceId, listId, internal);
        Optional<TaskId> after = Cursors.decode(TASKS, page.cursor()).map(TaskId::of);
        List<Task> rows;
        try {
            rows = tasks.list(actor.tenantId(), workspaceId, listId, internal, after, page.limit() + 1);
        } catch (NotFoundException e) {
            throw new ValidationException(FieldError.of("cursor",
                    "names a task that is not in this list (any more); start again from the first page"));
        }
        return Cursors.page(rows, page.limit(), t -> Cursors.encode(TASKS, t.id().value()));
    }

    /**
     * The tasks of the workspace due on {@code from} to {@code to} (inclusive) that the actor may see, by due date,
     * at most {@code limit} (1 to 1,000); for the calendar.
     */
    public List<Task> dueBetween(Actor actor, WorkspaceId workspaceId, LocalDate from, LocalDate to, int limit) {
        ProjectService.checkRange(from, to, limit);
        boolean internal = readable(actor, workspaceId);
        return tasks.dueBetween(actor.tenantId(), workspaceId, from, to, internal, limit);
    }

    /**
     * The effective visibility of the task (TEAM if it, its list or its project is), if the actor may see it; for
     * features that attach to tasks (their conversations).
     */
    public Optional<Visibility> effectiveVisibility(Actor actor, WorkspaceId workspaceId, TaskId taskId) {
        return find(actor, workspaceId, taskId).map(this::effectiveVisibility);
    }

    // ---------------------------------------------------------------- helpers

    /** Completes ({@code done}) or reopens a task: who may, see the class comment; idempotent. */
    private Task tick(Actor actor, WorkspaceId workspaceId, TaskId taskId, long expectedVersion, boolean done) {
        String action = done ? "complete tasks" : "reopen tasks";
        return kernel.write(changes -> {
            access.requireWritable(actor, workspaceId, Permission.VIEW_WORKSPACE, action);
            AccessGrant grant = access.grant(actor, workspaceId);
            boolean internal = grant.allows(Permission.VIEW_INTERNAL);
            Task current = visibleTask(actor, workspaceId, taskId, internal);
            boolean mayTick = grant.allows(Permission.MANAGE_PROJECTS)
                    || (grant.allows(Permission.COMPLETE_TASKS) && (current.assignee().equals(Optional.of(actor.userId()))
                    || (!actor.isTeam() && current.side() == TaskSide.CLIENT && current.assignee().isEmpty())));
            if (!mayTick) {
                throw new AccessDeniedException(actor, Permission.COMPLETE_TASKS.name(),
                        (done ? "complete" : "reopen") + " task '" + taskId.value() + "'");
            }
            if (current.isDone() == done) {
                return current;
            }
            checkVersion("task", taskId.value(), current.version(), expectedVersion);
            Instant now = changes.now();
            TaskList list = visibleList(actor, workspaceId, current.listId(), internal);
            Task stored = tasks.update(current.withCompleted(done ? Optional.of(new Completion(now, actor.userId()))
                    : Optional.empty(), now));
            Visibility visibility = effective(stored.visibility(), effectiveVisibility(list));
            changes.publish(done
                    ? new TaskEvent.TaskCompleted(actor.tenantId(), workspaceId, stored.listId(), taskId, stored.title(),
                    visibility, actor, now)
                    : new TaskEvent.TaskReopened(actor.tenantId(), workspaceId, stored.listId(), taskId, stored.title(),
                    visibility, actor, now));
            if (done) {
                checklistCompleted(actor, list, changes);
            }
            return stored;
        });
    }

    /** Records the onboarding fact the first time every task of the onboarding checklist is done. */
    private void checklistCompleted(Actor actor, TaskList list, Changes changes) {
        if (list.kind() != TaskListKind.ONBOARDING
                || !tasks.progress(list.tenantId(), list.workspaceId(), list.id(), true).isComplete()) {
            return;
        }
        if (onboarding.markChecklistCompleted(list.tenantId(), list.workspaceId(), changes.now())) {
            changes.publish(new ProjectEvent.OnboardingChecklistCompleted(list.tenantId(), list.workspaceId(),
                    list.id(), actor, changes.now()));
        }
    }

    private void checkDetails(Actor actor, WorkspaceId workspaceId, TaskList list, Visibility listVisibility,
                              NewTask details, Optional<Task> current) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "title", details.title(), 1, MAX_TITLE, false);
        text(errors, "notes", details.notes(), 0, MAX_TEXT, true);
        DateBounds.check(errors, "dueDate", details.dueDate());
        if (list.kind() == TaskListKind.ONBOARDING && details.visibility() == Visibility.TEAM) {
            errors.add(FieldError.of("visibility", "must be CLIENT in the onboarding checklist"));
        } else if (details.side() == TaskSide.CLIENT && effective(details.visibility(), listVisibility) == Visibility.TEAM) {
            errors.add(FieldError.of("side", "must be TEAM for a task only the team sees"));
        }
        boolean reassigned = current.map(t -> !t.assignee().equals(details.assignee())).orElse(true);
        boolean sideChanged = current.map(t -> t.side() != details.side()).orElse(true);
        if (details.assignee().isPresent() && (reassigned || sideChanged)) {
            assigneeError(actor, workspaceId, details.assignee().get(), details.side()).ifPresent(errors::add);
        }
        throwIfAny(errors);
    }

    private Optional<FieldError> assigneeError(Actor actor, WorkspaceId workspaceId, UserId assignee, TaskSide side) {
        Optional<Membership> membership = kernel.stores().memberships().find(actor.tenantId(), workspaceId, assignee);
        if (membership.isEmpty()) {
            return Optional.of(FieldError.of("assignee", "is not a member of this workspace"));
        }
        WorkspaceRole role = membership.get().role();
        if (side == TaskSide.TEAM && role.isClientRole()) {
            return Optional.of(FieldError.of("assignee", "must be a team member for a team-side task"));
        }
        if (side == TaskSide.CLIENT && !role.isClientRole()) {
            return Optional.of(FieldError.of("assignee", "must be a client member for a client-side task"));
        }
        if (side == TaskSide.CLIENT && !authorizer.matrix(actor.tenantId()).grants(role, Permission.COMPLETE_TASKS)) {
            return Optional.of(FieldError.of("assignee", "may not complete tasks"));
        }
        return Optional.empty();
    }

    /** For changes, inside the unit of work: MANAGE_PROJECTS, workspace locked and not archived; whether internal. */
    private boolean writable(Actor actor, WorkspaceId workspaceId, String action) {
        access.requireWritable(actor, workspaceId, Permission.MANAGE_PROJECTS, action);
        return access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL);
    }

    /** For reads: the workspace must be visible (else not found); whether the actor sees internal items. */
    private boolean readable(Actor actor, WorkspaceId workspaceId) {
        access.visible(actor, workspaceId);
        return access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL);
    }

    private Optional<Boolean> readableOptional(Actor actor, WorkspaceId workspaceId) {
        if (access.findVisible(actor, workspaceId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(access.grant(actor, workspaceId).allows(Permission.VIEW_INTERNAL));
    }

    private Project visibleProject(Actor actor, WorkspaceId workspaceId, ProjectId projectId, boolean internal) {
        return projects.find(actor.tenantId(), workspaceId, projectId)
                .filter(p -> internal || p.visibility() == Visibility.CLIENT)
                .orElseThrow(() -> notFound("project", projectId.value()));
    }

    private TaskList visibleList(Actor actor, WorkspaceId workspaceId, TaskListId listId, boolean internal) {
        requireNonNull(listId, "listId must not be null");
        return lists.find(actor.tenantId(), workspaceId, listId)
                .filter(l -> internal || effectiveVisibility(l) == Visibility.CLIENT)
                .orElseThrow(() -> notFound("task list", listId.value()));
    }

    private Task visibleTask(Actor actor, WorkspaceId workspaceId, TaskId taskId, boolean internal) {
        requireNonNull(taskId, "taskId must not be null");
        return tasks.find(actor.tenantId(), workspaceId, taskId)
                .filter(t -> internal || effectiveVisibility(t) == Visibility.CLIENT)
                .orElseThrow(() -> notFound("task", taskId.value()));
    }

    /** TEAM if the list or its project is. */
    private Visibility effectiveVisibility(TaskList list) {
        Visibility project = list.projectId()
                .map(p -> projects.find(list.tenantId(), list.workspaceId(), p).map(Project::visibility)
                        .orElse(Visibility.TEAM))
                .orElse(Visibility.CLIENT);
        return effective(list.visibility(), project);
    }

    /** TEAM if the task, its list or its project is. */
    private Visibility effectiveVisibility(Task task) {
        if (task.visibility() == Visibility.TEAM) {
            return Visibility.TEAM;
        }
        return lists.find(task.tenantId(), task.workspaceId(), task.listId()).map(this::effectiveVisibility)
                .orElse(Visibility.TEAM);
    }
}
