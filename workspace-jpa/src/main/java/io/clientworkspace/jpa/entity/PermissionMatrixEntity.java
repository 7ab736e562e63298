package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Row of {@code cwk_permission_matrix}: a tenant's own matrix, as {@code ROLE=PERM,PERM;ROLE=...}. */
@Entity(name = "CwkPermissionMatrix")
@Table(name = "cwk_permission_matrix")
public class PermissionMatrixEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Column(name = "grants", length = 4000, nullable = false)
    public String grants;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected PermissionMatrixEntity() {
    }

    public PermissionMatrixEntity(String tenantId) {
        this.tenantId = tenantId;
    }
}
