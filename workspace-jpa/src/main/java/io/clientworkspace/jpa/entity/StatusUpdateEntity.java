package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A project status update ({@code cwk_status_update}). */
@Entity(name = "CwkStatusUpdate")
@Table(name = "cwk_status_update")
@IdClass(StatusUpdateEntity.Key.class)
public class StatusUpdateEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "project_id", length = 128, nullable = false, updatable = false)
    public String projectId;

    @Column(name = "health", length = 16, nullable = false)
    public String health;

    @Column(name = "summary", length = 5000, nullable = false)
    public String summary;

    @Column(name = "done_text", length = 10000, nullable = false)
    public String doneText;

    @Column(name = "next_text", length = 10000, nullable = false)
    public String nextText;

    @Column(name = "risks_text", length = 10000, nullable = false)
    public String risksText;

    @Column(name = "visibility", length = 16, nullable = false)
    public String visibility;

    @Column(name = "author_id", length = 128, nullable = false, updatable = false)
    public String authorId;

    @Column(name = "posted_at", nullable = false, updatable = false)
    public Instant postedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected StatusUpdateEntity() {
    }

    public StatusUpdateEntity(String tenantId, String workspaceId, String id) {
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
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, id);
        }
    }
}
