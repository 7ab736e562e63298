package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A task ({@code cwk_task}). Its rank and its overdue mark are written only by the store's own statements (moves,
 * renumbering, the conditional mark), never by saving the entity ({@code updatable = false}), so that saving a task
 * can neither undo a concurrent renumbering nor a concurrent overdue mark. */
@Entity(name = "CwkTask")
@Table(name = "cwk_task")
@IdClass(TaskEntity.Key.class)
public class TaskEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "list_id", length = 128, nullable = false, updatable = false)
    public String listId;

    @Column(name = "title", length = 200, nullable = false)
    public String title;

    @Column(name = "notes", length = 10000, nullable = false)
    public String notes;

    @Column(name = "side", length = 16, nullable = false)
    public String side;

    @Column(name = "assignee", length = 128)
    public @Nullable String assignee;

    @Column(name = "due_date")
    public @Nullable LocalDate dueDate;

    @Column(name = "completed_at")
    public @Nullable Instant completedAt;

    @Column(name = "completed_by", length = 128)
    public @Nullable String completedBy;

    @Column(name = "visibility", length = 16, nullable = false)
    public String visibility;

    @Column(name = "created_by", length = 128, nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "sort_rank", nullable = false, updatable = false)
    public long sortRank;

    @Column(name = "overdue_raised_for", updatable = false)
    public @Nullable LocalDate overdueRaisedFor;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected TaskEntity() {
    }

    public TaskEntity(String tenantId, String workspaceId, String id) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.id = id;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String id;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, String id) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, id);
        }
    }
}
