package io.clientworkspace.spring.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.clientworkspace.ProjectId;
import io.clientworkspace.UserId;
import io.clientworkspace.project.Task;
import io.clientworkspace.project.TaskList;
import io.clientworkspace.spring.web.ApiDtos.RejectsUnknownFields;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The JSON shapes of task lists and tasks. A task's position is its place in the list's pages, never a field: moving
 * a task changes only its own version. Every change names the version it was made on ({@code expectedVersion} in the
 * body, or If-Match): a stale one is 409 {@code STALE_VERSION} (412 when sent as If-Match).
 */
public final class TaskDtos {

    private TaskDtos() {
    }

    /**
     * A task list: {@code kind} PROJECT (an ordinary list, in a project or at workspace level when {@code projectId}
     * is null) or ONBOARDING (the workspace's onboarding checklist).
     */
    public record TaskListDto(String id, String workspaceId, @Nullable String projectId, String kind, String name,
                              String visibility, Instant createdAt, Instant updatedAt, long version) {
        static TaskListDto of(TaskList l) {
            return new TaskListDto(l.id().value(), l.workspaceId().value(), l.projectId().map(ProjectId::value).orElse(null),
                    l.kind().name(), l.name(), l.visibility().name(), l.createdAt(), l.updatedAt(), l.version());
        }
    }

    /**
     * A task: {@code side} TEAM or CLIENT (which side should act), {@code done} with {@code completedAt} and
     * {@code completedBy} while it is ticked.
     */
    public record TaskDto(String id, String workspaceId, String listId, String title, String notes, String side,
                          @Nullable String assignee, @Nullable LocalDate dueDate, boolean done,
                          @Nullable Instant completedAt, @Nullable String completedBy, String visibility,
                          String createdBy, Instant createdAt, Instant updatedAt, long version) {
        static TaskDto of(Task t) {
            return new TaskDto(t.id().value(), t.workspaceId().value(), t.listId().value(), t.title(), t.notes(),
                    t.side().name(), t.assignee().map(UserId::value).orElse(null), t.dueDate().orElse(null),
                    t.isDone(), t.completed().map(c -> c.at()).orElse(null),
                    t.completed().map(c -> c.by().value()).orElse(null), t.visibility().name(), t.createdBy().value(),
                    t.createdAt(), t.updatedAt(), t.version());
        }
    }

    /**
     * Body of {@code POST .../task-lists}: {@code name} required; {@code projectId} a project id (absent: a
     * workspace-level list); {@code visibility} CLIENT (default) or TEAM.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CreateTaskListRequest(@Nullable String projectId, @Nullable String name, @Nullable String visibility)
            implements RejectsUnknownFields {
    }

    /** Body of {@code PATCH .../task-lists/{id}}: the new name. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record RenameTaskListRequest(@Nullable String name, @Nullable Long expectedVersion)
            implements RejectsUnknownFields {
    }

    /**
     * Body of {@code POST .../task-lists/{id}/tasks}: {@code title} required; {@code side} TEAM (default) or CLIENT;
     * {@code assignee} a member of the workspace on that side; {@code visibility} CLIENT (default) or TEAM (then the
     * side must be TEAM).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record CreateTaskRequest(@Nullable String title, @Nullable String notes, @Nullable String side,
                                    @Nullable String assignee, @Nullable String dueDate, @Nullable String visibility)
            implements RejectsUnknownFields {
    }

    /**
     * Body of {@code PATCH .../tasks/{id}}: absent fields stay as they are; {@code assignee} and {@code dueDate} null
     * clear them.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record UpdateTaskRequest(@Nullable String title, @Nullable String notes, @Nullable String side,
                                    @Schema(type = "string", nullable = true,
                                            description = "a user id; null unassigns, absent keeps it")
                                    @Nullable JsonNode assignee,
                                    @Schema(type = "string", format = "date", nullable = true,
                                            description = "an ISO date; null clears it, absent keeps it")
                                    @Nullable JsonNode dueDate,
                                    @Nullable String visibility, @Nullable Long expectedVersion)
            implements RejectsUnknownFields {
    }

    /** Body of {@code POST .../tasks/{id}/move}: the task to follow ({@code after}), null to move it first. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record MoveTaskRequest(@Nullable String after, @Nullable Long expectedVersion) implements RejectsUnknownFields {
    }
}
