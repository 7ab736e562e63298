package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** Row of {@code cwk_tenant}. */
@Entity(name = "CwkTenant")
@Table(name = "cwk_tenant")
public class TenantEntity {

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "name", length = 120, nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected TenantEntity() {
    }

    public TenantEntity(String id) {
        this.id = id;
    }
}
