package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.util.Objects;

/** Row of {@code cwk_client_role}: one custom client role of a tenant. */
@Entity(name = "CwkClientRole")
@Table(name = "cwk_client_role")
@IdClass(ClientRoleEntity.Key.class)
public class ClientRoleEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "role_key", length = 40, nullable = false)
    public String key;

    @Column(name = "label", length = 100, nullable = false)
    public String label;

    @Column(name = "base", length = 32, nullable = false)
    public String base;

    /** Permission names, comma-separated, sorted. */
    @Column(name = "permissions", length = 1000, nullable = false)
    public String permissions;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected ClientRoleEntity() {
    }

    public ClientRoleEntity(String tenantId, String key) {
        this.tenantId = tenantId;
        this.key = key;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String key;

        public Key() {
        }

        public Key(String tenantId, String key) {
            this.tenantId = tenantId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, key);
        }
    }
}
