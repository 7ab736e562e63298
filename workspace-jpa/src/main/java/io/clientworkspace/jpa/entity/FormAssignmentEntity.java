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

/** A form assignment ({@code cwk_form_assignment}); the draft answers are JSON. */
@Entity(name = "CwkFormAssignment")
@Table(name = "cwk_form_assignment")
@IdClass(FormAssignmentEntity.Key.class)
public class FormAssignmentEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "form_id", length = 128, nullable = false, updatable = false)
    public String formId;

    @Column(name = "form_version", nullable = false, updatable = false)
    public int formVersion;

    @Column(name = "title", length = 200, nullable = false)
    public String title;

    @Column(name = "due_on")
    public @Nullable LocalDate dueOn;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    @Column(name = "draft_json", length = 1048576, nullable = false)
    public String draftJson;

    @Column(name = "assigned_by", length = 128, nullable = false, updatable = false)
    public String assignedBy;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    public Instant assignedAt;

    @Column(name = "submitted_by", length = 128)
    public @Nullable String submittedBy;

    @Column(name = "submitted_at")
    public @Nullable Instant submittedAt;

    @Column(name = "request_id", length = 128)
    public @Nullable String requestId;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected FormAssignmentEntity() {
    }

    public FormAssignmentEntity(String tenantId, String workspaceId, String id) {
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
                    && Objects.equals(workspaceId, k.workspaceId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, id);
        }
    }
}
