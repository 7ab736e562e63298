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
 * Row of {@code cwk_message}. Attachments (in order) and mentions (sorted) are encoded columns, one id per
 * line (ids never contain line breaks), so that a page of messages loads in one statement. A tombstone has an
 * empty body and {@code deleted_at}/{@code deleted_by} set.
 */
@Entity(name = "CwkMessage")
@Table(name = "cwk_message")
@IdClass(MessageEntity.Key.class)
public class MessageEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "conversation_id", length = 128, nullable = false, updatable = false)
    public String conversationId;

    @Column(name = "author_id", length = 128, nullable = false, updatable = false)
    public String authorId;

    @Column(name = "author_kind", length = 16, nullable = false, updatable = false)
    public String authorKind;

    @Column(name = "body", length = 10000, nullable = false)
    public String body;

    @Column(name = "visibility", length = 16, nullable = false)
    public String visibility;

    @Column(name = "attachments", length = 4000, nullable = false)
    public String attachments;

    @Column(name = "mentions", length = 8000, nullable = false)
    public String mentions;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "edited_at")
    public @Nullable Instant editedAt;

    @Column(name = "deleted_at")
    public @Nullable Instant deletedAt;

    @Column(name = "deleted_by", length = 128)
    public @Nullable String deletedBy;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected MessageEntity() {
    }

    public MessageEntity(String tenantId, String workspaceId, String id) {
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
