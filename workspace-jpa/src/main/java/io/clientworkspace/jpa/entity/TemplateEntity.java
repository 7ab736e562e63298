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
 * Row of {@code cwk_template}: one version of a workspace template of a tenant. A version row never changes except
 * for the status, which applies to the whole template. The content is one JSON document ({@code content_json}).
 */
@Entity(name = "CwkTemplate")
@Table(name = "cwk_template")
@IdClass(TemplateEntity.Key.class)
public class TemplateEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Id
    @Column(name = "template_version", nullable = false)
    public int templateVersion;

    @Column(name = "template_key", length = 64, nullable = false, updatable = false)
    public String templateKey;

    @Column(name = "name", length = 200, nullable = false, updatable = false)
    public String name;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    /** The length is a mapping hint only; the migrations give H2 1,000,000,000 characters and PostgreSQL TEXT. */
    @Column(name = "content_json", length = 1048576, nullable = false, updatable = false)
    public String contentJson;

    @Column(name = "created_by", length = 128, nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    protected TemplateEntity() {
    }

    public TemplateEntity(String tenantId, String id, int templateVersion) {
        this.tenantId = tenantId;
        this.id = id;
        this.templateVersion = templateVersion;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String id;
        public int templateVersion;

        public Key() {
        }

        public Key(String tenantId, String id, int templateVersion) {
            this.tenantId = tenantId;
            this.id = id;
            this.templateVersion = templateVersion;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(id, k.id)
                    && templateVersion == k.templateVersion;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, id, templateVersion);
        }
    }
}
