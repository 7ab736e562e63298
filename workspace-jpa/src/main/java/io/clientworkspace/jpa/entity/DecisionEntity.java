package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import org.jspecify.annotations.Nullable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Row of {@code cwk_approval_decision}: the append-only approval record, keyed by (tenant, workspace,
 * request, sequence), so two decisions can never claim the same place in a request's record.
 */
@Entity(name = "CwkApprovalDecision")
@Table(name = "cwk_approval_decision")
@IdClass(DecisionEntity.Key.class)
@Immutable
public class DecisionEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "approval_id", length = 128, nullable = false)
    public String approvalId;

    @Id
    @Column(name = "seq", nullable = false)
    public int sequence;

    @Column(name = "approver", length = 128, nullable = false)
    public String approver;

    @Column(name = "approver_kind", length = 16, nullable = false)
    public String approverKind;

    @Column(name = "kind", length = 32, nullable = false)
    public String kind;

    @Column(name = "comment_text", length = 4000)
    public @Nullable String comment;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "file_version")
    public @Nullable Integer fileVersion;

    @Column(name = "file_sha256", length = 64)
    public @Nullable String fileSha256;

    protected DecisionEntity() {
    }

    public DecisionEntity(String tenantId, String workspaceId, String approvalId, int sequence) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.approvalId = approvalId;
        this.sequence = sequence;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String approvalId;
        public int sequence;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, String approvalId, int sequence) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.approvalId = approvalId;
            this.sequence = sequence;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(approvalId, k.approvalId) && sequence == k.sequence;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, approvalId, sequence);
        }
    }
}
