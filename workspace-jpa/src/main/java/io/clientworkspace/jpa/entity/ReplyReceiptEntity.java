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
 * Row of {@code cwk_reply_receipt}: an inbound reply that was posted, so that a retry posts nothing.
 */
@Entity(name = "CwkReplyReceipt")
@Table(name = "cwk_reply_receipt")
@IdClass(ReplyReceiptEntity.Key.class)
public class ReplyReceiptEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "token_id", length = 128, nullable = false)
    public String tokenId;

    @Id
    @Column(name = "inbound_key", length = 64, nullable = false)
    public String inboundKey;

    @Column(name = "message_id", length = 128, nullable = false)
    public String messageId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    protected ReplyReceiptEntity() {
    }

    public ReplyReceiptEntity(String tenantId, String workspaceId, String tokenId, String inboundKey) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.tokenId = tokenId;
        this.inboundKey = inboundKey;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String tokenId;
        public @Nullable String inboundKey;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, String tokenId, String inboundKey) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.tokenId = tokenId;
            this.inboundKey = inboundKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(tokenId, k.tokenId) && Objects.equals(inboundKey, k.inboundKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, tokenId, inboundKey);
        }
    }
}
