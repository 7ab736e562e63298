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
 * Row of {@code cwk_insight_rollup}: one day of one metric in one scope. Written only by atomic SQL increments in
 * {@code JpaInsightStore}; mapped so that the schema is validated and the rows are read like any other.
 */
@Entity(name = "CwkInsightRollup")
@Table(name = "cwk_insight_rollup")
@IdClass(InsightRollupEntity.Key.class)
public class InsightRollupEntity {

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
    @Column(name = "rollup_day", nullable = false)
    public LocalDate day = LocalDate.EPOCH;

    @Id
    @Column(name = "metric", length = 32, nullable = false)
    public String metric = "";

    @Column(name = "samples", nullable = false)
    public long samples;

    @Column(name = "total_seconds", nullable = false)
    public long totalSeconds;

    @Column(name = "b00", nullable = false)
    public long b00;

    @Column(name = "b01", nullable = false)
    public long b01;

    @Column(name = "b02", nullable = false)
    public long b02;

    @Column(name = "b03", nullable = false)
    public long b03;

    @Column(name = "b04", nullable = false)
    public long b04;

    @Column(name = "b05", nullable = false)
    public long b05;

    @Column(name = "b06", nullable = false)
    public long b06;

    @Column(name = "b07", nullable = false)
    public long b07;

    @Column(name = "b08", nullable = false)
    public long b08;

    @Column(name = "b09", nullable = false)
    public long b09;

    @Column(name = "b10", nullable = false)
    public long b10;

    @Column(name = "b11", nullable = false)
    public long b11;

    @Column(name = "b12", nullable = false)
    public long b12;

    @Column(name = "b13", nullable = false)
    public long b13;

    @Column(name = "b14", nullable = false)
    public long b14;

    @Column(name = "b15", nullable = false)
    public long b15;

    @Column(name = "b16", nullable = false)
    public long b16;

    @Column(name = "b17", nullable = false)
    public long b17;

    @Column(name = "b18", nullable = false)
    public long b18;

    @Column(name = "b19", nullable = false)
    public long b19;

    @Column(name = "b20", nullable = false)
    public long b20;

    @Column(name = "b21", nullable = false)
    public long b21;

    @Column(name = "b22", nullable = false)
    public long b22;

    @Column(name = "b23", nullable = false)
    public long b23;

    @Column(name = "b24", nullable = false)
    public long b24;

    @Column(name = "b25", nullable = false)
    public long b25;

    /** The exact smallest sample in seconds (duration metrics; null for count metrics). */
    @Column(name = "min_seconds")
    public @Nullable Long minSeconds;

    /** The exact largest sample in seconds (duration metrics; null for count metrics). */
    @Column(name = "max_seconds")
    public @Nullable Long maxSeconds;

    protected InsightRollupEntity() {
    }

    /** The histogram counts in bucket order. */
    public long[] buckets() {
        return new long[]{b00, b01, b02, b03, b04, b05, b06, b07, b08, b09, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24, b25};
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String scopeKind;
        public @Nullable String scopeKey;
        public @Nullable LocalDate day;
        public @Nullable String metric;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(scopeKind, k.scopeKind)
                    && Objects.equals(scopeKey, k.scopeKey) && Objects.equals(day, k.day)
                    && Objects.equals(metric, k.metric);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, scopeKind, scopeKey, day, metric);
        }
    }
}
