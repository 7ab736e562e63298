package io.clientworkspace.jpa;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.insight.DailyRollup;
import io.clientworkspace.insight.DurationHistogram;
import io.clientworkspace.insight.InsightMetric;
import io.clientworkspace.insight.InsightScope;
import io.clientworkspace.insight.VisitMark;
import io.clientworkspace.spi.InsightStore;
import org.hibernate.Session;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@link InsightStore} on JPA (migration V16): tables {@code cwk_insight_visit}, {@code cwk_insight_rollup} and
 * {@code cwk_insight_on_time} (an insert-if-absent per item and due day: {@code ON CONFLICT DO NOTHING} on
 * PostgreSQL, elsewhere a duplicate-key error read as "already counted"),
 * written with plain JDBC on the unit of work's connection so that every write is one atomic statement:
 * increments are {@code SET samples = samples + ?} (PostgreSQL: {@code INSERT ... ON CONFLICT DO UPDATE}; elsewhere
 * an update, else an insert, and when a racing first write inserted meanwhile, the update after all); a visit moves
 * the stored day forward by a conditional update ({@code WHERE last_day < ?}), so of concurrent first visits of a day
 * exactly one changes the row. No entity of these rows is ever kept managed, so the persistence context holds no
 * stale copy. The histogram bucket is a column chosen from a fixed index, never from input text. The exact smallest and
 * largest sample of a duration row are kept in the same statement ({@code LEAST}/{@code GREATEST}), so they are as
 * atomic as the increments.
 */
public final class JpaInsightStore extends JpaStoreSupport implements InsightStore {

    private static final String ROLLUP_KEY = "tenant_id = ? AND scope_kind = ? AND scope_key = ? AND rollup_day = ?"
            + " AND metric = ?";
    private static final String VISIT_KEY = "tenant_id = ? AND scope_kind = ? AND scope_key = ? AND user_id = ?";
    private static final String BUCKET_COLUMNS = bucketColumns();

    public JpaInsightStore(JpaTransactions transactions) {
        super(transactions);
    }

    private static String bucketColumns() {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < DurationHistogram.BUCKETS; i++) {
            columns.add(bucket(i));
        }
        return String.join(", ", columns);
    }

    private static String bucket(int index) {
        if (index < 0 || index >= DurationHistogram.BUCKETS) {
            throw new IllegalArgumentException("no histogram bucket " + index);
        }
        return String.format(java.util.Locale.ROOT, "b%02d", index);
    }

    // ------------------------------------------------------------------------------------------ visits

    @Override
    public VisitMark markVisit(TenantId tenantId, InsightScope scope, UserId user, LocalDate day, Instant at) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(scope, "scope must not be null");
        requireNonNull(user, "user must not be null");
        requireNonNull(day, "day must not be null");
        requireNonNull(at, "at must not be null");
        return tx(() -> {
            boolean postgres = isPostgreSql();
            return work(connection -> {
                LocalDate previous = lastDay(connection, tenantId, scope, user);
                if (previous == null) {
                    if (insertVisit(connection, tenantId, scope, user, day, at, postgres)) {
                        return new VisitMark(true, true);
                    }
                    previous = lastDay(connection, tenantId, scope, user);
                    if (previous == null) {
                        throw new SQLException("visit row vanished while it was recorded");
                    }
                }
                if (!day.isAfter(previous)) {
                    return VisitMark.REPEATED;
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE cwk_insight_visit"
                        + " SET last_day = ?, first_at = ? WHERE " + VISIT_KEY + " AND last_day < ?")) {
                    update.setObject(1, day);
                    update.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    bindVisitKey(update, 3, tenantId, scope, user);
                    update.setObject(7, day);
                    if (update.executeUpdate() == 0) {
                        return VisitMark.REPEATED;
                    }
                }
                return new VisitMark(true, monday(previous).isBefore(monday(day)));
            });
        });
    }

    // ------------------------------------------------------------------------------------------ on time

    @Override
    public boolean markOnTime(TenantId tenantId, WorkspaceId workspaceId, String item, LocalDate dueOn) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(item, "item must not be null");
        requireNonNull(dueOn, "dueOn must not be null");
        return tx(() -> {
            boolean postgres = isPostgreSql();
            return work(connection -> {
                String sql = "INSERT INTO cwk_insight_on_time (tenant_id, workspace_id, item_key, due_on)"
                        + " VALUES (?, ?, ?, ?)" + (postgres ? " ON CONFLICT DO NOTHING" : "");
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    insert.setString(1, tenantId.value());
                    insert.setString(2, workspaceId.value());
                    insert.setString(3, item);
                    insert.setObject(4, dueOn);
                    return insert.executeUpdate() == 1;
                } catch (SQLException e) {
                    if (isDuplicate(e)) {
                        return false;
                    }
                    throw e;
                }
            });
        });
    }

    // ------------------------------------------------------------------------------------------ visits (helpers)

    private static @Nullable LocalDate lastDay(Connection connection, TenantId tenantId, InsightScope scope,
                                               UserId user) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_day FROM cwk_insight_visit WHERE " + VISIT_KEY)) {
            bindVisitKey(select, 1, tenantId, scope, user);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getObject(1, LocalDate.class) : null;
            }
        }
    }

    /** Inserts the visit row; false when a racing call inserted it first. */
    private static boolean insertVisit(Connection connection, TenantId tenantId, InsightScope scope, UserId user,
                                       LocalDate day, Instant at, boolean postgres) throws SQLException {
        String sql = "INSERT INTO cwk_insight_visit (tenant_id, scope_kind, scope_key, user_id, last_day, first_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)" + (postgres ? " ON CONFLICT DO NOTHING" : "");
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            bindVisitKey(insert, 1, tenantId, scope, user);
            insert.setObject(5, day);
            insert.setObject(6, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Instant> lastVisit(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        InsightScope scope = InsightScope.workspace(workspaceId);
        return tx(() -> work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT MAX(first_at) FROM cwk_insight_visit"
                    + " WHERE tenant_id = ? AND scope_kind = ? AND scope_key = ?")) {
                select.setString(1, tenantId.value());
                select.setString(2, scope.kind().name());
                select.setString(3, scope.key());
                try (ResultSet row = select.executeQuery()) {
                    OffsetDateTime max = row.next() ? row.getObject(1, OffsetDateTime.class) : null;
                    return Optional.ofNullable(max).map(OffsetDateTime::toInstant);
                }
            }
        }));
    }

    // ------------------------------------------------------------------------------------------ rollups

    @Override
    public void count(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, long delta) {
        if (delta < 1) {
            throw new IllegalArgumentException("delta must be at least 1");
        }
        add(tenantId, scope, day, metric, delta, 0, -1);
    }

    @Override
    public void sample(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, Duration value) {
        requireNonNull(value, "value must not be null");
        if (!requireNonNull(metric, "metric must not be null").isDuration()) {
            throw new IllegalArgumentException(metric + " is not a duration metric");
        }
        long seconds = Math.max(0, value.toSeconds());
        add(tenantId, scope, day, metric, 1, seconds, DurationHistogram.bucketOf(seconds));
    }

    private void add(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, long delta,
                     long seconds, int bucketIndex) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(scope, "scope must not be null");
        requireNonNull(day, "day must not be null");
        requireNonNull(metric, "metric must not be null");
        String bucket = bucketIndex >= 0 ? bucket(bucketIndex) : null;
        tx(() -> {
            boolean postgres = isPostgreSql();
            return work(connection -> {
                if (postgres) {
                    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO cwk_insight_rollup"
                            + " (tenant_id, scope_kind, scope_key, rollup_day, metric, samples, total_seconds"
                            + (bucket == null ? "" : ", " + bucket + ", min_seconds, max_seconds")
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?" + (bucket == null ? "" : ", 1, ?, ?") + ") ON CONFLICT"
                            + " (tenant_id, scope_kind, scope_key, rollup_day, metric) DO UPDATE SET"
                            + " samples = cwk_insight_rollup.samples + EXCLUDED.samples,"
                            + " total_seconds = cwk_insight_rollup.total_seconds + EXCLUDED.total_seconds"
                            + (bucket == null ? "" : ", " + bucket + " = cwk_insight_rollup." + bucket + " + 1,"
                            + " min_seconds = LEAST(COALESCE(cwk_insight_rollup.min_seconds, EXCLUDED.min_seconds),"
                            + " EXCLUDED.min_seconds),"
                            + " max_seconds = GREATEST(COALESCE(cwk_insight_rollup.max_seconds, EXCLUDED.max_seconds),"
                            + " EXCLUDED.max_seconds)"))) {
                        bindRollupKey(upsert, 1, tenantId, scope, day, metric);
                        upsert.setLong(6, delta);
                        upsert.setLong(7, seconds);
                        if (bucket != null) {
                            upsert.setLong(8, seconds);
                            upsert.setLong(9, seconds);
                        }
                        upsert.executeUpdate();
                    }
                    return Boolean.TRUE;
                }
                if (increment(connection, tenantId, scope, day, metric, delta, seconds, bucket) == 0) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cwk_insight_rollup"
                            + " (tenant_id, scope_kind, scope_key, rollup_day, metric, samples, total_seconds"
                            + (bucket == null ? "" : ", " + bucket + ", min_seconds, max_seconds")
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?" + (bucket == null ? "" : ", 1, ?, ?") + ")")) {
                        bindRollupKey(insert, 1, tenantId, scope, day, metric);
                        insert.setLong(6, delta);
                        insert.setLong(7, seconds);
                        if (bucket != null) {
                            insert.setLong(8, seconds);
                            insert.setLong(9, seconds);
                        }
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        if (!isDuplicate(e)) {
                            throw e;
                        }
                        // a racing first write inserted the row meanwhile: add to it
                        increment(connection, tenantId, scope, day, metric, delta, seconds, bucket);
                    }
                }
                return Boolean.TRUE;
            });
        });
    }

    private static int increment(Connection connection, TenantId tenantId, InsightScope scope, LocalDate day,
                                 InsightMetric metric, long delta, long seconds, @Nullable String bucket)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE cwk_insight_rollup"
                + " SET samples = samples + ?, total_seconds = total_seconds + ?"
                + (bucket == null ? "" : ", " + bucket + " = " + bucket + " + 1,"
                + " min_seconds = LEAST(COALESCE(min_seconds, ?), ?),"
                + " max_seconds = GREATEST(COALESCE(max_seconds, ?), ?)") + " WHERE " + ROLLUP_KEY)) {
            int p = 1;
            update.setLong(p++, delta);
            update.setLong(p++, seconds);
            if (bucket != null) {
                for (int i = 0; i < 4; i++) {
                    update.setLong(p++, seconds);
                }
            }
            bindRollupKey(update, p, tenantId, scope, day, metric);
            return update.executeUpdate();
        }
    }

    @Override
    public List<DailyRollup> rollups(TenantId tenantId, InsightScope scope, Set<InsightMetric> metrics, LocalDate from,
                                     LocalDate to) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(scope, "scope must not be null");
        requireNonNull(metrics, "metrics must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        if (metrics.isEmpty() || from.isAfter(to)) {
            return List.of();
        }
        List<InsightMetric> asked = metrics.stream().sorted().toList();
        String marks = asked.stream().map(m -> "?").collect(Collectors.joining(", "));
        List<DailyRollup> rows = tx(() -> work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT scope_kind, scope_key, rollup_day,"
                    + " metric, samples, total_seconds, " + BUCKET_COLUMNS + ", min_seconds, max_seconds"
                    + " FROM cwk_insight_rollup"
                    + " WHERE tenant_id = ? AND scope_kind = ? AND scope_key = ? AND rollup_day >= ?"
                    + " AND rollup_day <= ? AND metric IN (" + marks + ")")) {
                select.setString(1, tenantId.value());
                select.setString(2, scope.kind().name());
                select.setString(3, scope.key());
                select.setObject(4, from);
                select.setObject(5, to);
                for (int i = 0; i < asked.size(); i++) {
                    select.setString(6 + i, asked.get(i).name());
                }
                return read(select, tenantId);
            }
        }));
        return rows.stream().sorted(Comparator.comparing(DailyRollup::day).thenComparing(DailyRollup::metric))
                .toList();
    }

    @Override
    public List<DailyRollup> rollupsOfKind(TenantId tenantId, InsightScope.Kind kind, InsightMetric metric,
                                           LocalDate from, LocalDate to) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(kind, "kind must not be null");
        requireNonNull(metric, "metric must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        return tx(() -> work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT scope_kind, scope_key, rollup_day,"
                    + " metric, samples, total_seconds, " + BUCKET_COLUMNS + ", min_seconds, max_seconds"
                    + " FROM cwk_insight_rollup"
                    + " WHERE tenant_id = ? AND scope_kind = ? AND metric = ? AND rollup_day >= ? AND rollup_day <= ?"
                    + " ORDER BY scope_key, rollup_day")) {
                select.setString(1, tenantId.value());
                select.setString(2, kind.name());
                select.setString(3, metric.name());
                select.setObject(4, from);
                select.setObject(5, to);
                return read(select, tenantId);
            }
        }));
    }

    private static List<DailyRollup> read(PreparedStatement select, TenantId tenantId) throws SQLException {
        List<DailyRollup> out = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                InsightMetric metric = InsightMetric.valueOf(row.getString(4));
                List<Long> buckets = new ArrayList<>(DurationHistogram.BUCKETS);
                if (metric.isDuration()) {
                    for (int i = 0; i < DurationHistogram.BUCKETS; i++) {
                        buckets.add(row.getLong(7 + i));
                    }
                }
                long min = row.getLong(7 + DurationHistogram.BUCKETS);
                boolean noMin = row.wasNull();
                long max = row.getLong(8 + DurationHistogram.BUCKETS);
                boolean bounded = metric.isDuration() && !noMin && !row.wasNull();
                out.add(new DailyRollup(tenantId,
                        new InsightScope(InsightScope.Kind.valueOf(row.getString(1)), row.getString(2)),
                        row.getObject(3, LocalDate.class), metric, row.getLong(5), row.getLong(6), buckets,
                        bounded ? Optional.of(Duration.ofSeconds(min)) : Optional.empty(),
                        bounded ? Optional.of(Duration.ofSeconds(max)) : Optional.empty()));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T work(SqlWork<T> work) {
        return em().unwrap(Session.class).doReturningWork(work::run);
    }

    private static void bindVisitKey(PreparedStatement statement, int first, TenantId tenantId, InsightScope scope,
                                     UserId user) throws SQLException {
        statement.setString(first, tenantId.value());
        statement.setString(first + 1, scope.kind().name());
        statement.setString(first + 2, scope.key());
        statement.setString(first + 3, user.value());
    }

    private static void bindRollupKey(PreparedStatement statement, int first, TenantId tenantId, InsightScope scope,
                                      LocalDate day, InsightMetric metric) throws SQLException {
        statement.setString(first, tenantId.value());
        statement.setString(first + 1, scope.kind().name());
        statement.setString(first + 2, scope.key());
        statement.setObject(first + 3, day);
        statement.setString(first + 4, metric.name());
    }

    private static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private boolean isPostgreSql() {
        return em().getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof PostgreSQLDialect;
    }
}
