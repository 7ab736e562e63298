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
 * Row of {@code cwk_conversation}. {@code singleton_key} is {@code GENERAL} for the General conversation and
 * {@code ITEM:<type>:<id>} for an item's (NULL for a topic), so a unique constraint keeps each single;
 * {@code activity_at} and {@code client_activity_at} are derived columns that key the keyset lists.
 */
@Entity(name = "CwkConversation")
@Table(name = "cwk_conversation")
@IdClass(ConversationEntity.Key.class)
public class ConversationEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "kind", length = 16, nullable = false, updatable = false)
    public String kind;

    @Column(name = "singleton_key", length = 200, updatable = false)
    public @Nullable String singletonKey;

    @Column(name = "item_type", length = 16, updatable = false)
    public @Nullable String itemType;

    @Column(name = "item_id", length = 128, updatable = false)
    public @Nullable String itemId;

    @Column(name = "title", length = 200, nullable = false)
    public String title;

    @Column(name = "visibility", length = 16, nullable = false)
    public String visibility;

    @Column(name = "created_by", length = 128, nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_message_at")
    public @Nullable Instant lastMessageAt;

    @Column(name = "last_client_message_at")
    public @Nullable Instant lastClientMessageAt;

    @Column(name = "activity_at", nullable = false)
    public Instant activityAt;

    @Column(name = "client_activity_at", nullable = false)
    public Instant clientActivityAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected ConversationEntity() {
    }

    public ConversationEntity(String tenantId, String workspaceId, String id) {
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
