package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** Row of {@code cwk_linked_record}: one record of the host linked into a workspace, keyed by (type, host id). */
@Entity(name = "CwkLinkedRecord")
@Table(name = "cwk_linked_record")
@IdClass(LinkedRecordEntity.Key.class)
public class LinkedRecordEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "type", length = 24, nullable = false)
    public String type;

    @Id
    @Column(name = "host_id", length = 200, nullable = false)
    public String hostId;

    @Column(name = "id", length = 128, nullable = false, updatable = false)
    public String id;

    @Column(name = "title", length = 200, nullable = false)
    public String title;

    @Column(name = "status", length = 16, nullable = false)
    public String status;

    @Column(name = "amount", precision = 19, scale = 4)
    public @Nullable BigDecimal amount;

    @Column(name = "currency", length = 3)
    public @Nullable String currency;

    @Column(name = "issued_on")
    public @Nullable LocalDate issuedOn;

    @Column(name = "due_on")
    public @Nullable LocalDate dueOn;

    @Column(name = "starts_at")
    public @Nullable Instant startsAt;

    @Column(name = "ends_at")
    public @Nullable Instant endsAt;

    @Column(name = "url", length = 2000)
    public @Nullable String url;

    @Column(name = "visibility", length = 8, nullable = false)
    public String visibility;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    protected LinkedRecordEntity() {
    }

    public LinkedRecordEntity(String tenantId, String workspaceId, String type, String hostId) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
        this.type = type;
        this.hostId = hostId;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String type;
        public @Nullable String hostId;

        public Key() {
        }

        public Key(String tenantId, String workspaceId, String type, String hostId) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
            this.type = type;
            this.hostId = hostId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(type, k.type) && Objects.equals(hostId, k.hostId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, type, hostId);
        }
    }
}
