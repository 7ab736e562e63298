package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import org.jspecify.annotations.Nullable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Row of {@code cwk_message_revision}: one previous body of a message, append-only, keyed by (tenant,
 * workspace, message, revision) so that two appends of one revision cannot both succeed.
 */
@Entity(name = "CwkMessageRevision")
@Table(name = "cwk_message_revision")
@IdClass(MessageRevisionEntity.Key.class)
public class MessageRevisionEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "message_id", length = 128, nullable = false)
    public String messageId;

    @Id
    @Column(name = "revision", nullable = false)
    public int revision;

    @Column(name = "body", length = 10000, nullable = false, updatable = false)
    public String body;

    @Column(name = "edited_at", nullable = false, updatable = false)
    public Instant editedAt;

    @Column(name = "edited_by", length = 128, nullable = false, updatable = false)
    public String editedBy;

    protected MessageRevisionEntity() {
    }

    public MessageRevisionEntity(String tenantId, String workspaceId, String messageId, int revision) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.messageId = messageId;
        this.revision = revision;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String messageId;
        public @Nullable Integer revision;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, String messageId, int revision) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.messageId = messageId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(messageId, k.messageId)
                    && Objects.equals(revision, k.revision);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, messageId, revision);
        }
    }
}
