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
 * Row of {@code cwk_activity_checkpoint}: a signed chain head, append-only, keyed by (tenant, workspace,
 * sequence, key id) so that the same head signed by one key is kept once.
 */
@Entity(name = "CwkActivityCheckpoint")
@Table(name = "cwk_activity_checkpoint")
@IdClass(CheckpointEntity.Key.class)
@Immutable
public class CheckpointEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "seq", nullable = false)
    public long sequence;

    @Id
    @Column(name = "key_id", length = 128, nullable = false)
    public String keyId;

    @Column(name = "head_hash", length = 64, nullable = false)
    public String headHash;

    @Column(name = "entry_count", nullable = false)
    public long entryCount;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    @Column(name = "signature", length = 512, nullable = false)
    public String signature;

    protected CheckpointEntity() {
    }

    public CheckpointEntity(String tenantId, String workspaceId, long sequence, String keyId) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.sequence = sequence;
        this.keyId = keyId;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public long sequence;
        public @Nullable String keyId;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, long sequence, String keyId) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.sequence = sequence;
            this.keyId = keyId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(workspaceId, k.workspaceId)
                    && sequence == k.sequence && Objects.equals(keyId, k.keyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, sequence, keyId);
        }
    }
}
