package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Row of {@code cwk_insight_visit}: the last day one user visited one scope, and the first visit instant of that
 * day. Written only by conditional SQL updates in {@code JpaInsightStore}.
 */
@Entity(name = "CwkInsightVisit")
@Table(name = "cwk_insight_visit")
@IdClass(InsightVisitEntity.Key.class)
public class InsightVisitEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId = "";

    @Id
    @Column(name = "scope_kind", length = 16, nullable = false)
    public String scopeKind = "";

    @Id
    @Column(name = "scope_key", length = 128, nullable = false)
    public String scopeKey = "";

    @Id
    @Column(name = "user_id", length = 128, nullable = false)
    public String userId = "";

    @Column(name = "last_day", nullable = false)
    public LocalDate lastDay = LocalDate.EPOCH;

    @Column(name = "first_at", nullable = false)
    public Instant firstAt = Instant.EPOCH;

    protected InsightVisitEntity() {
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String scopeKind;
        public @Nullable String scopeKey;
        public @Nullable String userId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(scopeKind, k.scopeKind)
                    && Objects.equals(scopeKey, k.scopeKey) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, scopeKind, scopeKey, userId);
        }
    }
}
