package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Row of {@code cwk_insight_on_time}: one item (task or milestone) of one workspace whose on-time completion for one
 * due day was counted. Written only by an insert-if-absent in {@code JpaInsightStore}; never updated or read as an
 * entity (mapped so that the schema is validated).
 */
@Entity(name = "CwkInsightOnTime")
@Table(name = "cwk_insight_on_time")
@IdClass(InsightOnTimeEntity.Key.class)
public class InsightOnTimeEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId = "";

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId = "";

    @Id
    @Column(name = "item_key", length = 160, nullable = false)
    public String itemKey = "";

    @Id
    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn = LocalDate.EPOCH;

    protected InsightOnTimeEntity() {
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;
        public @Nullable String itemKey;
        public @Nullable LocalDate dueOn;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(workspaceId, k.workspaceId) && Objects.equals(itemKey, k.itemKey)
                    && Objects.equals(dueOn, k.dueOn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId, itemKey, dueOn);
        }
    }
}
