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
 * Row of {@code cwk_file_version}: append-only, keyed by (tenant, workspace, file, number), so two
 * versions can never claim the same number.
 */
@Entity(name = "CwkFileVersion")
@Table(name = "cwk_file_version")
@IdClass(FileVersionEntity.Key.class)
@Immutable
public class FileVersionEntity {

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
    @Column(name = "version_number", nullable = false)
    public int number;

    @Column(name = "name", length = 255, nullable = false)
    public String name;

    @Column(name = "blob_key", length = 512, nullable = false)
    public String blobKey;

    @Column(name = "size_bytes", nullable = false)
    public long size;

    @Column(name = "sha256", length = 64, nullable = false)
    public String sha256;

    @Column(name = "detected_type", length = 255, nullable = false)
    public String detectedType;

    @Column(name = "declared_type", length = 255, nullable = false)
    public String declaredType;

    @Column(name = "uploaded_by", length = 128, nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    protected FileVersionEntity() {
    }

    public FileVersionEntity(String tenantId, String workspaceId, String fileId, int number) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.fileId = fileId;
        this.number = number;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String fileId;
        public int number;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, String fileId, int number) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.fileId = fileId;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(fileId, k.fileId) && number == k.number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, fileId, number);
        }
    }
}
