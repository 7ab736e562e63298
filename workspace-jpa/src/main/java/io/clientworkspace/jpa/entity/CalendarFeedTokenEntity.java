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
 * Row of {@code cwk_calendar_feed_token}: a member's calendar feed token of one workspace, by the SHA-256 hash of
 * its secret (never the secret); revoked, never deleted.
 */
@Entity(name = "CwkCalendarFeedToken")
@Table(name = "cwk_calendar_feed_token")
@IdClass(CalendarFeedTokenEntity.Key.class)
public class CalendarFeedTokenEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "member_id", length = 128, nullable = false, updatable = false)
    public String memberId;

    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    public String tokenHash;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public Instant issuedAt;

    @Column(name = "revoked_at")
    public @Nullable Instant revokedAt;

    protected CalendarFeedTokenEntity() {
    }

    public CalendarFeedTokenEntity(String tenantId, String workspaceId, String id) {
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
