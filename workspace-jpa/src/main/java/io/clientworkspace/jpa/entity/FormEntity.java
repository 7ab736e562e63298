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
 * One version of a form definition ({@code cwk_form}); versions are immutable rows except for the
 * status, which applies to the whole form. {@code owner_id} is the owning workspace's id, or the empty
 * string for the tenant's library (never null, so that the key's uniqueness holds for library forms too).
 * The fields are JSON ({@code fields_json}).
 */
@Entity(name = "CwkForm")
@Table(name = "cwk_form")
@IdClass(FormEntity.Key.class)
public class FormEntity {

    /** {@code owner_id} of a tenant library form. */
    public static final String LIBRARY = "";

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Id
    @Column(name = "form_version", nullable = false)
    public int formVersion;

    @Column(name = "owner_id", length = 128, nullable = false, updatable = false)
    public String ownerId;

    @Column(name = "form_key", length = 64, nullable = false, updatable = false)
    public String formKey;

    @Column(name = "name", length = 200, nullable = false, updatable = false)
    public String name;

    @Column(name = "fields_json", length = 1048576, nullable = false, updatable = false)
    public String fieldsJson;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    @Column(name = "created_by", length = 128, nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    protected FormEntity() {
    }

    public FormEntity(String tenantId, String id, int formVersion) {
        this.tenantId = tenantId;
        this.id = id;
        this.formVersion = formVersion;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String id;
        public int formVersion;

        public Key() {
        }

        public Key(String tenantId, String id, int formVersion) {
            this.tenantId = tenantId;
            this.id = id;
            this.formVersion = formVersion;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id)
                    && formVersion == k.formVersion;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id, formVersion);
        }
    }
}
