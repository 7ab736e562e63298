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

/** A project milestone ({@code cwk_milestone}). The overdue mark is written only by the store's conditional
 * update, never by saving the entity ({@code updatable = false}), so a concurrent update cannot undo it. */
@Entity(name = "CwkMilestone")
@Table(name = "cwk_milestone")
@IdClass(MilestoneEntity.Key.class)
public class MilestoneEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "project_id", length = 128, nullable = false, updatable = false)
    public String projectId;

    @Column(name = "title", length = 200, nullable = false)
    public String title;

    @Column(name = "due_date")
    public @Nullable LocalDate dueDate;

    @Column(name = "requires_approval", nullable = false)
    public boolean requiresApproval;

    @Column(name = "approval_id", length = 128)
    public @Nullable String approvalId;

    @Column(name = "delivered_at")
    public @Nullable Instant deliveredAt;

    @Column(name = "delivered_by", length = 128)
    public @Nullable String deliveredBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "overdue_raised_for", updatable = false)
    public @Nullable LocalDate overdueRaisedFor;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected MilestoneEntity() {
    }

    public MilestoneEntity(String tenantId, String workspaceId, String id) {
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
