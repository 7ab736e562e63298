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
import java.util.Objects;

/** A task list ({@code cwk_task_list}); {@code singleton_key} is {@code ONBOARDING} for the workspace's onboarding
 * checklist (NULL otherwise), so a unique constraint keeps the checklist single;
 * {@code last_rank} is the task store's, never written by saving the list. */
@Entity(name = "CwkTaskList")
@Table(name = "cwk_task_list")
@IdClass(TaskListEntity.Key.class)
public class TaskListEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "project_id", length = 128, updatable = false)
    public @Nullable String projectId;

    @Column(name = "kind", length = 16, nullable = false, updatable = false)
    public String kind;

    @Column(name = "singleton_key", length = 16, updatable = false)
    public @Nullable String singletonKey;

    @Column(name = "name", length = 200, nullable = false)
    public String name;

    @Column(name = "visibility", length = 16, nullable = false)
    public String visibility;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** At least the highest rank of the list's tasks; written only by the task store's own statements. */
    @Column(name = "last_rank", nullable = false, updatable = false)
    public long lastRank;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected TaskListEntity() {
    }

    public TaskListEntity(String tenantId, String workspaceId, String id) {
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
