package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Row of {@code cwk_reply_token}: a reply-by-e-mail token, by the SHA-256 hash of its secret (never the secret).
 */
@Entity(name = "CwkReplyToken")
@Table(name = "cwk_reply_token")
@IdClass(ReplyTokenEntity.Key.class)
public class ReplyTokenEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "conversation_id", length = 128, nullable = false)
    public String conversationId;

    @Column(name = "recipient_id", length = 128, nullable = false)
    public String recipientId;

    @Column(name = "recipient_kind", length = 16, nullable = false)
    public String recipientKind;

    @Column(name = "token_hash", length = 64, nullable = false)
    public String tokenHash;

    @Column(name = "issued_by", length = 128, nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public @Nullable Instant revokedAt;

    protected ReplyTokenEntity() {
    }

    public ReplyTokenEntity(String tenantId, String workspaceId, String id) {
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
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, id);
        }
    }
}
