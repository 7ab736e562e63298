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
 * Row of {@code cwk_scheduled_event}: one event of a workspace calendar, never deleted (cancelled is a flag). The
 * version is checked and incremented by the store's conditional update, not by Hibernate.
 */
@Entity(name = "CwkScheduledEvent")
@Table(name = "cwk_scheduled_event")
@IdClass(ScheduledEventEntity.Key.class)
public class ScheduledEventEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "kind", length = 16, nullable = false)
    public String kind;

    @Column(name = "title", length = 200, nullable = false)
    public String title;

    @Column(name = "description", length = 5000, nullable = false)
    public String description;

    @Column(name = "location", length = 500)
    public @Nullable String location;

    @Column(name = "start_at", nullable = false)
    public Instant startAt;

    @Column(name = "end_at", nullable = false)
    public Instant endAt;

    @Column(name = "visibility", length = 8, nullable = false)
    public String visibility;

    @Column(name = "cancelled", nullable = false)
    public boolean cancelled;

    @Column(name = "created_by", length = 128, nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "version", nullable = false)
    public long version;

    protected ScheduledEventEntity() {
    }

    public ScheduledEventEntity(String tenantId, String workspaceId, String id) {
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
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(workspaceId, k.workspaceId)
                    && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, id);
        }
    }
}
