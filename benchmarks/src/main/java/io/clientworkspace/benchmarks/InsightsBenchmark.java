package io.clientworkspace.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.blob.FileSystemBlobStore;
import io.clientworkspace.insight.DailyRollup;
import io.clientworkspace.insight.DurationHistogram;
import io.clientworkspace.insight.InsightMetric;
import io.clientworkspace.insight.InsightReport;
import io.clientworkspace.insight.InsightScope;
import io.clientworkspace.insight.VisitMark;
import io.clientworkspace.jpa.JpaStores;
import io.clientworkspace.spi.InsightStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.TenantRole;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 6: the insights' tenant report of the last 12 weeks ({@code kit.insights().tenantReport(admin, 12)}) on
 * PostgreSQL, for a tenant of 1,000 and one of 100,000 workspaces, each with {@value #HISTORY_DAYS} days (two years)
 * of daily rollups of every metric for the tenant and one rollup row every {@value #WORKSPACE_ROW_EVERY} days for
 * every workspace (see {@link #load}). The sizes are measured side by side as in {@link ListingBenchmark}; the rollup
 * rows each report reads are counted by a decorator of the {@link InsightStore} ({@link #reportCost}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
public class InsightsBenchmark {

    /** System property: the sizes to measure, comma-separated (1,000 and 100,000 when not set). */
    static final String SIZES_PROPERTY = "cwk.bench.insightsSizes";
    static final String TENANT = "agency";
    static final int WEEKS = 12;
    static final int HISTORY_DAYS = 730;
    static final int WORKSPACE_ROW_EVERY = 61;
    private static final int MAX_RECORDED = 1 << 18;

    static String database(int workspaces) {
        return "bench_insights_" + workspaces;
    }

    /** Every size's data set, a kit on each, and the per-size latencies recorded while measuring. */
    @State(Scope.Benchmark)
    public static class Scale {
        int[] sizes;
        JpaKit[] dbs;
        Actor admin;
        long[][] samples;
        int[] recorded;
        boolean recording;

        @Setup(Level.Trial)
        public void setUp() {
            sizes = sizes();
            dbs = new JpaKit[sizes.length];
            samples = new long[sizes.length][MAX_RECORDED];
            recorded = new int[sizes.length];
            for (int s = 0; s < sizes.length; s++) {
                dbs[s] = JpaKit.open(database(sizes[s]), JpaKit.WARM, 4, false);
            }
            admin = Actor.team(TenantId.of(TENANT), Datasets.ADMIN);
        }

        @Setup(Level.Iteration)
        public void startIteration(IterationParams iteration) {
            recording = iteration.getType() == IterationType.MEASUREMENT;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Map<String, Object> facts = new LinkedHashMap<>();
            for (int s = 0; s < sizes.length; s++) {
                long[] sorted = Arrays.copyOf(samples[s], recorded[s]);
                Arrays.sort(sorted);
                facts.put("n." + sizes[s], sorted.length);
                facts.put("p50." + sizes[s], percentile(sorted, 50));
                facts.put("p99." + sizes[s], percentile(sorted, 99));
            }
            Verification.write("insights-tenantReport", facts);
            for (JpaKit db : dbs) {
                db.close();
            }
        }
    }

    /** Which size goes first. */
    @State(Scope.Thread)
    public static class Position {
        int first;
    }

    @Benchmark
    public void tenantReport(Scale scale, Position position, Blackhole blackhole) {
        position.first++;
        for (int k = 0; k < scale.sizes.length; k++) {
            int s = (position.first + k) % scale.sizes.length;
            long started = System.nanoTime();
            blackhole.consume(report(scale.dbs[s].kit(), scale.admin));
            long took = System.nanoTime() - started;
            if (scale.recording && scale.recorded[s] < MAX_RECORDED) {
                scale.samples[s][scale.recorded[s]++] = took;
            }
        }
    }

    static InsightReport report(WorkspaceKit kit, Actor admin) {
        return kit.insights().tenantReport(admin, WEEKS);
    }

    static int[] sizes() {
        String property = System.getProperty(SIZES_PROPERTY, "1000,100000");
        return Arrays.stream(property.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * Loads the tenant (its admin), {@code n} workspaces, {@value #HISTORY_DAYS} days up to {@code today} of tenant
     * rollups of every metric (counts; duration metrics with samples spread over the histogram), and for every
     * workspace a DAILY_ACTIVE_CLIENTS row every {@value #WORKSPACE_ROW_EVERY} days; returns the rows loaded.
     */
    static long load(DataSource ds, int n, LocalDate today) {
        long[] rows = {0};
        Seeder.withoutIndexes(ds, List.of("cwk_tenant", "cwk_team_member", "cwk_workspace", "cwk_insight_rollup"), () -> {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE cwk_tenant, cwk_team_member, cwk_workspace, cwk_insight_rollup");
                }
                Instant created = today.minusDays(HISTORY_DAYS + 1L).atStartOfDay().toInstant(ZoneOffset.UTC);
                Seeder.Copy t = new Seeder.Copy(c, "COPY cwk_tenant (id, name, created_at, version) FROM STDIN WITH (FREEZE)");
                t.row(TENANT, "Tenant " + TENANT, created, 0);
                t.end();
                Seeder.Copy team = new Seeder.Copy(c, "COPY cwk_team_member (tenant_id, user_id, role, added_at, version)"
                        + " FROM STDIN WITH (FREEZE)");
                team.row(TENANT, Datasets.ADMIN, TenantRole.TENANT_ADMIN.name(), created, 0);
                team.end();
                Seeder.Copy ws = new Seeder.Copy(c, "COPY cwk_workspace (tenant_id, id, slug, name, external_ref, status,"
                        + " created_at, updated_at, version) FROM STDIN WITH (FREEZE)");
                for (int i = 0; i < n; i++) {
                    ws.row(TENANT, Datasets.workspaceId(i), Datasets.slug(i), "Client " + i, null, "ACTIVE", created,
                            created, 0);
                }
                ws.end();
                StringBuilder columns = new StringBuilder("tenant_id, scope_kind, scope_key, rollup_day, metric, samples,"
                        + " total_seconds");
                for (int b = 0; b < DurationHistogram.BUCKETS; b++) {
                    columns.append(String.format(", b%02d", b));
                }
                Seeder.Copy rollups = new Seeder.Copy(c, "COPY cwk_insight_rollup (" + columns + ") FROM STDIN WITH (FREEZE)");
                for (int d = HISTORY_DAYS - 1; d >= 0; d--) {
                    LocalDate day = today.minusDays(d);
                    for (InsightMetric metric : InsightMetric.values()) {
                        long count = 1 + (d * 7L + metric.ordinal() * 3L) % 40;
                        rollups.row(row(InsightScope.Kind.TENANT.name(), InsightScope.TENANT_KEY, day, metric, count, d));
                        rows[0]++;
                    }
                }
                for (int i = 0; i < n; i++) {
                    for (int d = i % WORKSPACE_ROW_EVERY; d < HISTORY_DAYS; d += WORKSPACE_ROW_EVERY) {
                        rollups.row(row(InsightScope.Kind.WORKSPACE.name(), Datasets.workspaceId(i), today.minusDays(d),
                                InsightMetric.DAILY_ACTIVE_CLIENTS, 1 + i % 5, d));
                        rows[0]++;
                    }
                }
                rollups.end();
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not load the insights data set of " + n + " workspaces", e);
            }
        });
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not analyze", e);
        }
        return rows[0];
    }

    private static Object[] row(String kind, String key, LocalDate day, InsightMetric metric, long count, int seed) {
        Object[] values = new Object[7 + DurationHistogram.BUCKETS];
        values[0] = TENANT;
        values[1] = kind;
        values[2] = key;
        values[3] = day;
        values[4] = metric.name();
        values[5] = count;
        values[6] = metric.isDuration() ? count * 3_600 * (1 + seed % 48) : 0;
        for (int b = 0; b < DurationHistogram.BUCKETS; b++) {
            values[7 + b] = 0L;
        }
        if (metric.isDuration()) {
            values[7 + (3 + seed % (DurationHistogram.BUCKETS - 6))] = count;
        }
        return values;
    }

    /**
     * What one report costs, warm caches: rollup rows read, {@link InsightStore} calls (on JPA each is one SQL
     * statement, sent by plain JDBC, which Hibernate's statistics do not see) and the statements Hibernate counted.
     */
    record Cost(long rows, long storeCalls, long statements) {
    }

    /** The rows and statements of one warm 12-week tenant report on the data set of {@code workspaces}. */
    static Cost reportCost(int workspaces) {
        try (HikariDataSource ds = BenchDatabase.pool(database(workspaces), 2)) {
            EntityManagerFactory emf = BenchDatabase.emf(ds, true);
            Path blobs = Verification.work().resolve("blobs");
            try {
                Files.createDirectories(blobs);
                blobs = Files.createTempDirectory(blobs, "insights-");
                Stores jpa = JpaStores.create(emf);
                CountingInsightStore counting = new CountingInsightStore(jpa.require(InsightStore.class));
                WorkspaceKit kit = WorkspaceKit.builder().stores(jpa.with(InsightStore.class, counting))
                        .blobStore(new FileSystemBlobStore(blobs)).build();
                Actor admin = Actor.team(TenantId.of(TENANT), Datasets.ADMIN);
                report(kit, admin);
                counting.rows.set(0);
                counting.calls.set(0);
                var statistics = emf.unwrap(SessionFactory.class).getStatistics();
                statistics.clear();
                InsightReport report = report(kit, admin);
                if (report.weeks().isEmpty()) {
                    throw new IllegalStateException("the report has no weeks");
                }
                return new Cost(counting.rows.get(), counting.calls.get(), statistics.getPrepareStatementCount());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                emf.close();
                try {
                    RunAll.deleteRecursively(blobs);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Counts the rollup rows the report reads. */
    static final class CountingInsightStore implements InsightStore {
        final InsightStore delegate;
        final AtomicLong rows = new AtomicLong();
        final AtomicLong calls = new AtomicLong();

        CountingInsightStore(InsightStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public VisitMark markVisit(TenantId tenantId, InsightScope scope, UserId user, LocalDate day, Instant at) {
            return delegate.markVisit(tenantId, scope, user, day, at);
        }

        @Override
        public boolean markOnTime(TenantId tenantId, WorkspaceId workspaceId, String item, LocalDate dueOn) {
            return delegate.markOnTime(tenantId, workspaceId, item, dueOn);
        }

        @Override
        public Optional<Instant> lastVisit(TenantId tenantId, WorkspaceId workspaceId) {
            return delegate.lastVisit(tenantId, workspaceId);
        }

        @Override
        public void count(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, long delta) {
            delegate.count(tenantId, scope, day, metric, delta);
        }

        @Override
        public void sample(TenantId tenantId, InsightScope scope, LocalDate day, InsightMetric metric, Duration value) {
            delegate.sample(tenantId, scope, day, metric, value);
        }

        @Override
        public List<DailyRollup> rollups(TenantId tenantId, InsightScope scope, Set<InsightMetric> metrics,
                                         LocalDate from, LocalDate to) {
            List<DailyRollup> answer = delegate.rollups(tenantId, scope, metrics, from, to);
            calls.incrementAndGet();
            rows.addAndGet(answer.size());
            return answer;
        }

        @Override
        public List<DailyRollup> rollupsOfKind(TenantId tenantId, InsightScope.Kind kind, InsightMetric metric,
                                               LocalDate from, LocalDate to) {
            List<DailyRollup> answer = new ArrayList<>(delegate.rollupsOfKind(tenantId, kind, metric, from, to));
            calls.incrementAndGet();
            rows.addAndGet(answer.size());
            return answer;
        }
    }
}
