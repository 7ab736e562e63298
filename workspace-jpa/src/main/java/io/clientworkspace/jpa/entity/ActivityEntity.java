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
 * Row of {@code cwk_activity}: append-only, keyed by (tenant, workspace, sequence), so two entries
 * can never claim the same place in a workspace's chain.
 */
@Entity(name = "CwkActivity")
@Table(name = "cwk_activity")
@IdClass(ActivityEntity.Key.class)
@Immutable
public class ActivityEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "seq", nullable = false)
    public long sequence;

    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "actor_id", length = 128, nullable = false)
    public String actorId;

    @Column(name = "actor_kind", length = 16, nullable = false)
    public String actorKind;

    @Column(name = "action", length = 100, nullable = false)
    public String action;

    @Column(name = "target_type", length = 100, nullable = false)
    public String targetType;

    @Column(name = "target_id", length = 200, nullable = false)
    public String targetId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "visibility", length = 16, nullable = false)
    public String visibility;

    @Column(name = "details", length = 40000, nullable = false)
    public String details;

    @Column(name = "previous_hash", length = 64, nullable = false)
    public String previousHash;

    @Column(name = "hash", length = 64, nullable = false)
    public String hash;

    protected ActivityEntity() {
    }

    public ActivityEntity(String tenantId, String workspaceId, long sequence) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.sequence = sequence;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public long sequence;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, long sequence) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.sequence = sequence;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(workspaceId, k.workspaceId) && sequence == k.sequence;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, sequence);
        }
    }
}
