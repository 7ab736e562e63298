package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.FieldError;
import io.clientworkspace.ProjectId;
import io.clientworkspace.TaskId;
import io.clientworkspace.TaskListId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.Permission;
import io.clientworkspace.project.NewTask;
import io.clientworkspace.project.NewTaskList;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.project.TaskService;
import io.clientworkspace.project.TaskSide;
import io.clientworkspace.spring.web.ApiDtos.PageDto;
import io.clientworkspace.spring.web.ProjectApiController.Fields;
import io.clientworkspace.spring.web.ProjectDtos.ExpectedVersionRequest;
import io.clientworkspace.spring.web.ProjectDtos.ProgressDto;
import io.clientworkspace.spring.web.TaskDtos.CreateTaskListRequest;
import io.clientworkspace.spring.web.TaskDtos.CreateTaskRequest;
import io.clientworkspace.spring.web.TaskDtos.MoveTaskRequest;
import io.clientworkspace.spring.web.TaskDtos.RenameTaskListRequest;
import io.clientworkspace.spring.web.TaskDtos.TaskDto;
import io.clientworkspace.spring.web.TaskDtos.TaskListDto;
import io.clientworkspace.spring.web.TaskDtos.UpdateTaskRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Task lists and tasks of a workspace ({@code kit.tasks()}): lists (of a project, or at workspace level with the
 * onboarding checklist), their tasks in list order (keyset pages whose cursor names the last task shown), progress,
 * and the changes: the team adds, changes, moves and deletes tasks; whoever may complete a task ticks it done or
 * undone (the team any task it sees; a client with {@code COMPLETE_TASKS} a client-side task assigned to nobody or to
 * itself).
 *
 * <p>Internal lists and tasks (and those of internal projects) do not exist for clients: by id they answer the 404 of
 * an unknown id; pages, cursors and progress count only what the caller may see. Ticking a task one may see but not
 * complete is 403. Every change names the version it was made on ({@code expectedVersion} in the body or If-Match;
 * 400 on {@code expectedVersion} with neither, 409 {@code STALE_VERSION} when stale, 412 when sent as If-Match);
 * ticking a task that is done already (or undone) answers it unchanged whatever the version.
 */
@RestController
@RequestMapping("${client-workspace.rest.base-path:/api}/workspaces/{workspaceId}")
public class TaskApiController implements KitController {

    private final WorkspaceKit kit;

    public TaskApiController(WorkspaceKit kit) {
        this.kit = requireNonNull(kit, "kit must not be null");
    }

    private TaskService tasks() {
        return kit.tasks();
    }

    // ------------------------------------------------------------------------------------------ lists

    /**
     * The lists the caller may see of a project ({@code ?project=}), or of the workspace level (the onboarding
     * checklist included once created), in creation order, at most 200.
     */
    @Operation(summary = "Task lists of a project (?project=) or of the workspace level")
    @GetMapping("/task-lists")
    public PageDto<TaskListDto> lists(Actor actor, @PathVariable String workspaceId,
                                      @RequestParam(required = false) @Nullable String project) {
        Optional<ProjectId> projectId = project == null || project.isEmpty() ? Optional.empty()
                : Optional.of(ProjectId.of(project));
        return new PageDto<>(tasks().lists(actor, WorkspaceId.of(workspaceId), projectId).stream()
                .map(TaskListDto::of).toList(), null);
    }

    /** Creates a list, in a project ({@code projectId}) or at workspace level; 201 with it. */
    @Operation(summary = "Create a task list, in a project or at workspace level (team)")
    @PostMapping("/task-lists")
    public ResponseEntity<TaskListDto> createList(Actor actor, @PathVariable String workspaceId,
                                                  @RequestBody CreateTaskListRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        kit.access().require(actor, ws, Permission.MANAGE_PROJECTS, "manage projects");
        Fields f = new Fields();
        Optional<ProjectId> project = f.get(() -> projectId(body.projectId()), Optional.empty());
        String name = f.get(() -> Inputs.required(body.name(), "name"), "");
        Visibility visibility = f.get(() -> ProjectApiController.visibility(body.visibility()), Visibility.CLIENT);
        f.throwIfAny();
        TaskList created = tasks().createList(actor, ws, new NewTaskList(project, name, visibility));
        return ProjectApiController.created(ProjectApiController.location("/task-lists/", created.id().value()),
                created.version(), TaskListDto.of(created));
    }

    /** One list, with its version as ETag. */
    @Operation(summary = "One task list (ETag)")
    @GetMapping("/task-lists/{listId}")
    public ResponseEntity<TaskListDto> list(Actor actor, @PathVariable String workspaceId, @PathVariable String listId) {
        return withETag(tasks().getList(actor, WorkspaceId.of(workspaceId), TaskListId.of(listId)));
    }

    /** Renames a list ({@code name}). */
    @Operation(summary = "Rename a task list (team; expectedVersion or If-Match)")
    @PatchMapping("/task-lists/{listId}")
    public ResponseEntity<TaskListDto> renameList(Actor actor, @PathVariable String workspaceId,
                                                  @PathVariable String listId,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                                  @RequestBody RenameTaskListRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        TaskListId id = TaskListId.of(listId);
        tasks().getList(actor, ws, id);
        Fields f = new Fields();
        String name = f.get(() -> Inputs.required(body.name(), "name"), "");
        long expected = f.get(() -> ProjectDtos.expected(body.expectedVersion(), ifMatch), 0L);
        f.throwIfAny();
        return withETag(tasks().renameList(actor, ws, id, name, expected));
    }

    /** Done and total tasks of the list that the caller may see. */
    @Operation(summary = "Done and total tasks of a list the caller may see")
    @GetMapping("/task-lists/{listId}/progress")
    public ProgressDto progress(Actor actor, @PathVariable String workspaceId, @PathVariable String listId) {
        return ProgressDto.of(tasks().progress(actor, WorkspaceId.of(workspaceId), TaskListId.of(listId)));
    }

    // ------------------------------------------------------------------------------------------ tasks

    /** The list's tasks the caller may see, in list order, keyset-paged (limit 1 to 500). */
    @Operation(summary = "A list's tasks in list order (keyset pages)")
    @GetMapping("/task-lists/{listId}/tasks")
    public PageDto<TaskDto> tasks(Actor actor, @PathVariable String workspaceId, @PathVariable String listId,
                                  @RequestParam(required = false) @Nullable String cursor,
                                  @RequestParam(defaultValue = "50") int limit) {
        return PageDto.of(tasks().tasks(actor, WorkspaceId.of(workspaceId), TaskListId.of(listId),
                WorkspaceApiController.page(cursor, limit)), TaskDto::of);
    }

    /** Adds a task, last in the list; 201 with it. */
    @Operation(summary = "Add a task, last in its list (team)")
    @PostMapping("/task-lists/{listId}/tasks")
    public ResponseEntity<TaskDto> addTask(Actor actor, @PathVariable String workspaceId, @PathVariable String listId,
                                           @RequestBody CreateTaskRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        TaskListId id = TaskListId.of(listId);
        tasks().getList(actor, ws, id);
        Fields f = new Fields();
        String title = f.get(() -> Inputs.required(body.title(), "title"), "");
        TaskSide side = f.get(() -> side(body.side(), TaskSide.TEAM), TaskSide.TEAM);
        Optional<UserId> assignee = f.get(() -> body.assignee() == null ? Optional.<UserId>empty()
                : Optional.of(assignee(body.assignee())), Optional.empty());
        Optional<LocalDate> due = f.get(() -> RequestDtos.date(body.dueDate(), "dueDate"), Optional.empty());
        Visibility visibility = f.get(() -> ProjectApiController.visibility(body.visibility()), Visibility.CLIENT);
        f.throwIfAny();
        Task added = tasks().addTask(actor, ws, id, new NewTask(title, body.notes() == null ? "" : body.notes(), side,
                assignee, due, visibility));
        return ProjectApiController.created(ProjectApiController.location("/tasks/", added.id().value()),
                added.version(), TaskDto.of(added));
    }

    /** One task, with its version as ETag. */
    @Operation(summary = "One task (ETag)")
    @GetMapping("/tasks/{taskId}")
    public ResponseEntity<TaskDto> task(Actor actor, @PathVariable String workspaceId, @PathVariable String taskId) {
        return withETag(tasks().get(actor, WorkspaceId.of(workspaceId), TaskId.of(taskId)));
    }

    /** Changes a task: absent fields stay; {@code assignee}/{@code dueDate} null clear them. */
    @Operation(summary = "Change a task's details (team; expectedVersion or If-Match)")
    @PatchMapping("/tasks/{taskId}")
    public ResponseEntity<TaskDto> update(Actor actor, @PathVariable String workspaceId, @PathVariable String taskId,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                          @RequestBody UpdateTaskRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        TaskId id = TaskId.of(taskId);
        Task current = tasks().get(actor, ws, id);
        Fields f = new Fields();
        TaskSide side = f.get(() -> side(body.side(), current.side()), current.side());
        Optional<UserId> assignee = f.get(() -> ProjectDtos.patched(body.assignee(), current.assignee(), "assignee",
                text -> Optional.of(assignee(text))), current.assignee());
        Optional<LocalDate> due = f.get(() -> ProjectDtos.patchedDate(body.dueDate(), current.dueDate(), "dueDate"),
                current.dueDate());
        Visibility visibility = f.get(() -> body.visibility() == null ? current.visibility()
                : ProjectApiController.visibility(body.visibility()), current.visibility());
        long expected = f.get(() -> ProjectDtos.expected(body.expectedVersion(), ifMatch), 0L);
        f.throwIfAny();
        NewTask details = new NewTask(body.title() == null ? current.title() : body.title(),
                body.notes() == null ? current.notes() : body.notes(), side, assignee, due, visibility);
        return withETag(tasks().update(actor, ws, id, details, expected));
    }

    /** Deletes a task (the team): 204. */
    @Operation(summary = "Delete a task (team; expectedVersion or If-Match)")
    @DeleteMapping("/tasks/{taskId}")
    public ResponseEntity<Void> delete(Actor actor, @PathVariable String workspaceId, @PathVariable String taskId,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                       @RequestBody(required = false) @Nullable ExpectedVersionRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        TaskId id = TaskId.of(taskId);
        tasks().get(actor, ws, id);
        tasks().delete(actor, ws, id, ProjectDtos.expected(body == null ? null : body.expectedVersion(), ifMatch));
        return ResponseEntity.noContent().build();
    }

    /** Ticks the task done (now, by the caller); a task done already is answered unchanged. */
    @Operation(summary = "Tick a task done (whoever may complete it; expectedVersion or If-Match)")
    @PostMapping("/tasks/{taskId}/completion")
    public ResponseEntity<TaskDto> complete(Actor actor, @PathVariable String workspaceId, @PathVariable String taskId,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                            @RequestBody(required = false) @Nullable ExpectedVersionRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        TaskId id = TaskId.of(taskId);
        tasks().get(actor, ws, id);
        long expected = ProjectDtos.expected(body == null ? null : body.expectedVersion(), ifMatch);
        return withETag(tasks().complete(actor, ws, id, expected));
    }

    /** Ticks the task undone; a task not done is answered unchanged. */
    @Operation(summary = "Tick a task undone (whoever may complete it; expectedVersion or If-Match)")
    @DeleteMapping("/tasks/{taskId}/completion")
    public ResponseEntity<TaskDto> uncomplete(Actor actor, @PathVariable String workspaceId, @PathVariable String taskId,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                              @RequestBody(required = false) @Nullable ExpectedVersionRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        TaskId id = TaskId.of(taskId);
        tasks().get(actor, ws, id);
        long expected = ProjectDtos.expected(body == null ? null : body.expectedVersion(), ifMatch);
        return withETag(tasks().uncomplete(actor, ws, id, expected));
    }

    /** Moves the task right after {@code after} (a task of the same list), or first ({@code after: null}). */
    @Operation(summary = "Move a task after another of its list, or first (team; expectedVersion or If-Match)")
    @PostMapping("/tasks/{taskId}/move")
    public ResponseEntity<TaskDto> move(Actor actor, @PathVariable String workspaceId, @PathVariable String taskId,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                        @RequestBody MoveTaskRequest body) {
        WorkspaceId ws = WorkspaceId.of(workspaceId);
        TaskId id = TaskId.of(taskId);
        tasks().get(actor, ws, id);
        Fields f = new Fields();
        Optional<TaskId> after = f.get(() -> afterId(body.after()), Optional.empty());
        long expected = f.get(() -> ProjectDtos.expected(body.expectedVersion(), ifMatch), 0L);
        f.throwIfAny();
        return withETag(tasks().move(actor, ws, id, after, expected));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static TaskSide side(@Nullable String value, TaskSide fallback) {
        return value == null ? fallback : Inputs.enumValue(value, TaskSide.class, "side");
    }

    private static UserId assignee(String value) {
        try {
            return UserId.of(value);
        } catch (ValidationException e) {
            throw new ValidationException(FieldError.of("assignee", "is not a member of this workspace"));
        }
    }

    private static Optional<ProjectId> projectId(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProjectId.of(value));
        } catch (ValidationException e) {
            throw new ValidationException(FieldError.of("projectId", "no such project"));
        }
    }

    private static Optional<TaskId> afterId(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TaskId.of(value));
        } catch (ValidationException e) {
            throw new ValidationException(FieldError.of("after", "no such task in this list"));
        }
    }

    private static ResponseEntity<TaskListDto> withETag(TaskList l) {
        return ResponseEntity.ok().eTag(Inputs.etag(l.version())).body(TaskListDto.of(l));
    }

    private static ResponseEntity<TaskDto> withETag(Task t) {
        return ResponseEntity.ok().eTag(Inputs.etag(t.version())).body(TaskDto.of(t));
    }
}
