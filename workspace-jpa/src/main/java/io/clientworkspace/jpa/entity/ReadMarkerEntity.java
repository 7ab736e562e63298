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
 * Row of {@code cwk_read_marker}: how far one user has read one conversation.
 */
@Entity(name = "CwkReadMarker")
@Table(name = "cwk_read_marker")
@IdClass(ReadMarkerEntity.Key.class)
public class ReadMarkerEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "user_id", length = 128, nullable = false)
    public String userId;

    @Id
    @Column(name = "conversation_id", length = 128, nullable = false)
    public String conversationId;

    @Column(name = "last_read", length = 128, nullable = false)
    public String lastRead;

    @Column(name = "read_at", nullable = false)
    public Instant at;

    protected ReadMarkerEntity() {
    }

    public ReadMarkerEntity(String tenantId, String workspaceId, String userId, String conversationId) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.userId = userId;
        this.conversationId = conversationId;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String userId;
        public @Nullable String conversationId;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, String userId, String conversationId) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.userId = userId;
            this.conversationId = conversationId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(userId, k.userId)
                    && Objects.equals(conversationId, k.conversationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, userId, conversationId);
        }
    }
}
