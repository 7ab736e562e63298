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

/** A client request ({@code cwk_request}); the answers are JSON, the attachments one encoded column. */
@Entity(name = "CwkRequest")
@Table(name = "cwk_request")
@IdClass(RequestEntity.Key.class)
public class RequestEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "title", length = 200, nullable = false)
    public String title;

    @Column(name = "description", length = 10000, nullable = false)
    public String description;

    @Column(name = "priority", length = 16, nullable = false)
    public String priority;

    @Column(name = "status", length = 32, nullable = false)
    public String status;

    @Column(name = "assignee", length = 128)
    public @Nullable String assignee;

    @Column(name = "due_on")
    public @Nullable LocalDate dueOn;

    @Column(name = "form_id", length = 128, updatable = false)
    public @Nullable String formId;

    @Column(name = "form_version", updatable = false)
    public @Nullable Integer formVersion;

    @Column(name = "answers_json", length = 1048576, nullable = false)
    public String answersJson;

    @Column(name = "attachments", length = 4000, nullable = false)
    public String attachments;

    @Column(name = "submitted_by", length = 128, nullable = false, updatable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    public Instant submittedAt;

    @Column(name = "first_response_at")
    public @Nullable Instant firstResponseAt;

    @Column(name = "resolved_at")
    public @Nullable Instant resolvedAt;

    @Column(name = "decline_reason", length = 2000)
    public @Nullable String declineReason;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected RequestEntity() {
    }

    public RequestEntity(String tenantId, String workspaceId, String id) {
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
