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
 * Row of {@code cwk_workspace_origin}: which template version made a workspace, for which external reference of the
 * host (unique per tenant). Written once, never changed.
 */
@Entity(name = "CwkWorkspaceOrigin")
@Table(name = "cwk_workspace_origin")
@IdClass(WorkspaceOriginEntity.Key.class)
public class WorkspaceOriginEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Column(name = "template_id", length = 128, nullable = false, updatable = false)
    public String templateId;

    @Column(name = "template_version", nullable = false, updatable = false)
    public int templateVersion;

    @Column(name = "external_ref", length = 200, nullable = false, updatable = false)
    public String externalRef;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    protected WorkspaceOriginEntity() {
    }

    public WorkspaceOriginEntity(String tenantId, String workspaceId) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;

        public Key() {
        }

        public Key(String tenantId, String workspaceId) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(workspaceId, k.workspaceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId);
        }
    }
}
