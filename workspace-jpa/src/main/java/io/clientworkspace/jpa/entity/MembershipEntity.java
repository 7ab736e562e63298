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

/** Row of {@code cwk_membership}. */
@Entity(name = "CwkMembership")
@Table(name = "cwk_membership")
@IdClass(MembershipEntity.Key.class)
public class MembershipEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "user_id", length = 128, nullable = false)
    public String userId;

    @Column(name = "role", length = 32, nullable = false)
    public String role;

    /**
     * A copy of the workspace's slug, which never changes once the workspace exists: it lets a member's
     * list of workspaces be read in slug order from one index of this table.
     */
    @Column(name = "workspace_slug", length = 63, nullable = false, updatable = false)
    public String workspaceSlug;

    /** The key of the tenant's custom client role the member holds, if any (V14). */
    @Column(name = "client_role", length = 40)
    public @Nullable String clientRole;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected MembershipEntity() {
    }

    public MembershipEntity(String tenantId, String workspaceId, String userId) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.userId = userId;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String userId;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, String userId) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(workspaceId, k.workspaceId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, userId);
        }
    }
}
