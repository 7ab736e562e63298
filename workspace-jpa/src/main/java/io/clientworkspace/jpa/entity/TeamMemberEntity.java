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

/** Row of {@code cwk_team_member}: one user on one tenant's roster. */
@Entity(name = "CwkTeamMember")
@Table(name = "cwk_team_member")
@IdClass(TeamMemberEntity.Key.class)
public class TeamMemberEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "user_id", length = 128, nullable = false)
    public String userId;

    @Column(name = "role", length = 32, nullable = false)
    public String role;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected TeamMemberEntity() {
    }

    public TeamMemberEntity(String tenantId, String userId) {
        this.tenantId = tenantId;
        this.userId = userId;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String userId;

        public Key() {
        }

        public Key(String tenantId, String userId) {
            this.tenantId = tenantId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, userId);
        }
    }
}
