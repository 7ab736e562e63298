package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import org.jspecify.annotations.Nullable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Row of {@code cwk_download}: append-only. Keyed by (tenant, workspace, file, id), which is also the
 * order of the only query, a file's downloads newest first.
 */
@Entity(name = "CwkDownload")
@Table(name = "cwk_download")
@IdClass(DownloadEntity.Key.class)
@Immutable
public class DownloadEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "file_id", length = 128, nullable = false)
    public String fileId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(name = "user_id", length = 128, nullable = false)
    public String userId;

    @Column(name = "actor_kind", length = 16, nullable = false)
    public String actorKind;

    @Column(name = "downloaded_at", nullable = false)
    public Instant downloadedAt;

    protected DownloadEntity() {
    }

    public DownloadEntity(String tenantId, String workspaceId, String fileId, String id) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.fileId = fileId;
        this.id = id;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String fileId;
        public @Nullable String id;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, String fileId, String id) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.fileId = fileId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(fileId, k.fileId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, fileId, id);
        }
    }
}
