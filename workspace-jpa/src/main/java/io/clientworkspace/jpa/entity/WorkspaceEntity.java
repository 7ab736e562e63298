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

/** Row of {@code cwk_workspace}. */
@Entity(name = "CwkWorkspace")
@Table(name = "cwk_workspace")
@IdClass(WorkspaceEntity.Key.class)
public class WorkspaceEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "slug", length = 63, nullable = false, updatable = false)
    public String slug;

    @Column(name = "name", length = 120, nullable = false)
    public String name;

    @Column(name = "external_ref", length = 200)
    public @Nullable String externalRef;

    @Column(name = "display_name", length = 120)
    public @Nullable String displayName;

    @Column(name = "accent_color", length = 7)
    public @Nullable String accentColor;

    @Column(name = "logo_ref", length = 500)
    public @Nullable String logoRef;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected WorkspaceEntity() {
    }

    public WorkspaceEntity(String tenantId, String id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String id;

        public Key() {
        }

        public Key(String tenantId, String id) {
            this.tenantId = tenantId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id);
        }
    }
}
