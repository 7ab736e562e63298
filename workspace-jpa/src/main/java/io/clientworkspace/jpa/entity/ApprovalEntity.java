package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import org.jspecify.annotations.Nullable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Row of {@code cwk_approval}. The subject is in nullable columns: {@code file_id}, {@code file_version}
 * and {@code file_sha256} for a file version, {@code deliverable_description} and
 * {@code deliverable_link} for a deliverable, told apart by {@code subject_type}. The approvers are one
 * encoded column (the sorted user ids, one per line; ids never contain line breaks), so that a request
 * and every list of requests load in one statement.
 */
@Entity(name = "CwkApproval")
@Table(name = "cwk_approval")
@IdClass(ApprovalEntity.Key.class)
public class ApprovalEntity {

    /** {@code subject_type} of a request about a file version. */
    public static final String SUBJECT_FILE_VERSION = "FILE_VERSION";

    /** {@code subject_type} of a request about a deliverable. */
    public static final String SUBJECT_DELIVERABLE = "DELIVERABLE";

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

    @Column(name = "message", length = 4000)
    public @Nullable String message;

    @Column(name = "subject_type", length = 16, nullable = false, updatable = false)
    public String subjectType;

    @Column(name = "file_id", length = 128, updatable = false)
    public @Nullable String fileId;

    @Column(name = "file_version", updatable = false)
    public @Nullable Integer fileVersion;

    @Column(name = "file_sha256", length = 64, updatable = false)
    public @Nullable String fileSha256;

    @Column(name = "deliverable_description", length = 4000, updatable = false)
    public @Nullable String deliverableDescription;

    @Column(name = "deliverable_link", length = 2000, updatable = false)
    public @Nullable String deliverableLink;

    @Column(name = "approvers", length = 16000, nullable = false)
    public String approvers;

    @Column(name = "policy_kind", length = 16, nullable = false)
    public String policyKind;

    @Column(name = "policy_quorum", nullable = false)
    public int policyQuorum;

    @Column(name = "due_at")
    public @Nullable Instant dueAt;

    @Column(name = "status", length = 32, nullable = false)
    public String status;

    @Column(name = "requested_by", length = 128, nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Column(name = "resolved_at")
    public @Nullable Instant resolvedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected ApprovalEntity() {
    }

    public ApprovalEntity(String tenantId, String workspaceId, String id) {
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
