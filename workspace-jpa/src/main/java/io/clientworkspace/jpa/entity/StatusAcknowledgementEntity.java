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

/** One user's acknowledgement of a status update ({@code cwk_status_ack}); the key keeps it single per user. */
@Entity(name = "CwkStatusAck")
@Table(name = "cwk_status_ack")
@IdClass(StatusAcknowledgementEntity.Key.class)
public class StatusAcknowledgementEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "status_update_id", length = 128, nullable = false)
    public String statusUpdateId;

    @Id
    @Column(name = "user_id", length = 128, nullable = false)
    public String userId;

    @Column(name = "acknowledged_at", nullable = false, updatable = false)
    public Instant acknowledgedAt;

    protected StatusAcknowledgementEntity() {
    }

    public StatusAcknowledgementEntity(String tenantId, String workspaceId, String statusUpdateId, String userId) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.statusUpdateId = statusUpdateId;
        this.userId = userId;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String statusUpdateId;
        public @Nullable String userId;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, String statusUpdateId, String userId) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.statusUpdateId = statusUpdateId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(statusUpdateId, k.statusUpdateId)
                    && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, statusUpdateId, userId);
        }
    }
}
