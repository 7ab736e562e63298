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

/** Row of {@code cwk_invitation}. The token itself is never stored, only its SHA-256. */
@Entity(name = "CwkInvitation")
@Table(name = "cwk_invitation")
@IdClass(InvitationEntity.Key.class)
public class InvitationEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "workspace_id", length = 128, nullable = false, updatable = false)
    public String workspaceId;

    @Column(name = "email", length = 254, nullable = false, updatable = false)
    public String email;

    @Column(name = "role", length = 32, nullable = false, updatable = false)
    public String role;

    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    public String tokenHash;

    @Column(name = "invited_by", length = 128, nullable = false, updatable = false)
    public String invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    @Column(name = "accepted_by", length = 128)
    public @Nullable String acceptedBy;

    @Column(name = "resolved_at")
    public @Nullable Instant resolvedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected InvitationEntity() {
    }

    public InvitationEntity(String tenantId, String id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String id;

        public Key() {
        }

        public Key(String tenantId, String id) {
            this.tenantId = tenantId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }
}
