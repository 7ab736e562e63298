package io.clientworkspace.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.clientworkspace.ActivityId;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.IdGenerator;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.ChainAnchor;
import io.clientworkspace.activity.ChainVerification;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.spi.Stores;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static java.util.Objects.requireNonNull;

/**
 * Benchmark 4b: activity-log appends per second on PostgreSQL (durable commits), 16 threads appending
 * to 64 workspaces picked at random.
 *
 * <ul>
 *   <li>{@link #kit}: the core of the kit's append, through the store SPI on the JPA stores: in one unit
 *       of work lock the workspace row, read the chain's head, link the entry (SHA-256 over its canonical
 *       JSON), insert it (the store checks it follows the head). It is not a whole service call: no access
 *       check, no {@code Changes} bookkeeping, no event in the outbox;</li>
 *   <li>{@link #bareJdbc}: the ceiling: the same rows (linked the same way, but the head kept in memory)
 *       inserted by a plain {@code PreparedStatement} in auto-commit, one row per transaction.</li>
 * </ul>
 *
 * <p>After each run the rows are counted and every chain verified with the kit's verification, anchored
 * at the last acknowledged entry of each workspace (that sequence must be in the chain with that hash):
 * the appends that returned normally must all be there ({@code lost = 0}), no append may have failed
 * (JMH would count a failed call as an operation), and every chain must be intact. The run fails otherwise.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 5, time = 2)
public class ActivityAppendBenchmark {

    static final String OURS = "activity-append-kit";
    static final String CEILING = "activity-append-jdbc";

    /** A plain insert of one activity row, as the ceilings make it; see {@link #bind}. */
    static final String INSERT = "INSERT INTO cwk_activity (tenant_id, workspace_id, seq, id, actor_id,"
            + " actor_kind, action, target_type, target_id, occurred_at, visibility, details, previous_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** What the two sides share: the database, the workspaces, the counters and the check afterwards. */
    abstract static class Side {
        final TenantId tenant = TenantId.of(Datasets.WRITES_TENANT);
        final Actor admin = Actor.team(tenant, Datasets.ADMIN);
        final IdGenerator ids = IdGenerator.timeOrdered(Clock.systemUTC());
        final LongAdder appended = new LongAdder();
        final LongAdder failed = new LongAdder();
        /** The newest acknowledged entry of each workspace: it must be in the chain afterwards. */
        final Map<WorkspaceId, ChainAnchor> acknowledged = new ConcurrentHashMap<>();
        JpaKit db;
        WorkspaceId[] workspaces;
        long before;

        @Initializer
        void open(int firstWorkspace) {
            db = JpaKit.open(Datasets.WRITES_DB, Authorizer.CacheSettings.defaults(), 20, false);
            workspaces = new WorkspaceId[Datasets.WRITE_WORKSPACES];
            for (int k = 0; k < workspaces.length; k++) {
                workspaces[k] = WorkspaceId.of(Datasets.workspaceId(firstWorkspace + k));
            }
            before = countRows();
        }

        void acknowledge(ActivityEntry entry) {
            appended.increment();
            acknowledged.merge(entry.workspaceId(), new ChainAnchor(entry.sequence(), entry.hash()),
                    (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }

        WorkspaceId randomWorkspace() {
            return workspaces[ThreadLocalRandom.current().nextInt(workspaces.length)];
        }

        ActivityEntry link(WorkspaceId workspace, long sequence, String previousHash) {
            return ActivityChain.link(ActivityId.of(ids.newId()), tenant, workspace, sequence, admin.userId(),
                    ActorKind.TEAM, "note.appended", "workspace", workspace.value(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS), Visibility.TEAM,
                    Map.of("thread", Thread.currentThread().getName()), previousHash);
        }

        long countRows() {
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT count(*) FROM cwk_activity WHERE tenant_id = ?"
                         + " AND workspace_id BETWEEN ? AND ?")) {
                s.setString(1, tenant.value());
                s.setString(2, workspaces[0].value());
                s.setString(3, workspaces[workspaces.length - 1].value());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void verifyAndClose(String name) {
            try {
                long after = countRows();
                long lost = before + appended.sum() - after;
                int broken = 0;
                for (WorkspaceId workspace : workspaces) {
                    ChainVerification verification = db.kit().activity().verify(admin, workspace,
                            Optional.ofNullable(acknowledged.get(workspace)));
                    if (!verification.isIntact()) {
                        broken++;
                    }
                }
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("appended", appended.sum());
                facts.put("failed", failed.sum());
                facts.put("rowsBefore", before);
                facts.put("rowsAfter", after);
                facts.put("lost", lost);
                facts.put("brokenChains", broken);
                facts.put("anchorsChecked", acknowledged.size());
                Verification.write(name, facts);
                if (lost != 0 || broken != 0 || failed.sum() != 0 || appended.sum() == 0) {
                    throw new IllegalStateException(name + ": " + appended.sum() + " appended, " + failed.sum()
                            + " failed, " + lost + " lost, " + broken + " chains broken or missing their last acknowledged"
                            + " entry");
                }
            } finally {
                db.close();
            }
        }
    }

    /** The kit's way. */
    @State(Scope.Benchmark)
    public static class Ours extends Side {
        Stores stores;

        @Setup(Level.Trial)
        public void setUp() {
            open(0);
            stores = db.stores();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            verifyAndClose(OURS);
        }
    }

    /** The ceiling: chain heads in memory, one plain insert per row. */
    @State(Scope.Benchmark)
    public static class Ceiling extends Side {
        private final Map<WorkspaceId, Head> heads = new LinkedHashMap<>();

        private static final class Head {
            long sequence;
            String hash = ActivityChain.GENESIS_HASH;
        }

        @Setup(Level.Trial)
        public void setUp() {
            open(Datasets.WRITE_WORKSPACES);
            for (WorkspaceId workspace : workspaces) {
                ActivityEntry latest = db.stores().activity().latest(tenant, workspace).orElseThrow();
                Head head = new Head();
                head.sequence = latest.sequence();
                head.hash = latest.hash();
                heads.put(workspace, head);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            verifyAndClose(CEILING);
        }

        ActivityEntry next(WorkspaceId workspace) {
            Head head = requireNonNull(heads.get(workspace), "setUp made a head for every workspace");
            synchronized (head) {
                ActivityEntry entry = link(workspace, head.sequence + 1, head.hash);
                head.sequence = entry.sequence();
                head.hash = entry.hash();
                return entry;
            }
        }

        HikariDataSource dataSource() {
            return db.dataSource();
        }
    }

    @Benchmark
    public void kit(Ours ours) {
        WorkspaceId workspace = ours.randomWorkspace();
        try {
            ActivityEntry entry = ours.stores.unitOfWork().execute(() -> {
                // Lock the workspace as the kit does before it appends; the workspace was seeded, so it is there.
                if (ours.stores.workspaces().findForUpdate(ours.tenant, workspace).isEmpty()) {
                    throw new IllegalStateException("workspace " + workspace + " was not seeded");
                }
                ActivityEntry latest = ours.stores.activity().latest(ours.tenant, workspace).orElseThrow();
                ActivityEntry next = ours.link(workspace, latest.sequence() + 1, latest.hash());
                ours.stores.activity().append(next);
                return next;
            });
            ours.acknowledge(entry);
        } catch (ConflictException e) {
            // Counted, and the run fails at its end: a failed append is not a write, yet JMH counted it as an operation.
            ours.failed.increment();
        }
    }

    @Benchmark
    public void bareJdbc(Ceiling ceiling) throws SQLException {
        WorkspaceId workspace = ceiling.randomWorkspace();
        try (Connection c = ceiling.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            // Hashing happens under the workspace's head lock, the insert outside it, so inserts of one
            // chain may reach the database out of order: harmless for a plain insert, and the fastest way.
            ActivityEntry e = ceiling.next(workspace);
            bind(s, e);
            s.executeUpdate();
            ceiling.acknowledge(e);
        }
    }

    /** Sets the parameters of {@link #INSERT} to {@code e}'s columns. */
    static void bind(PreparedStatement s, ActivityEntry e) throws SQLException {
        s.setString(1, e.tenantId().value());
        s.setString(2, e.workspaceId().value());
        s.setLong(3, e.sequence());
        s.setString(4, e.id().value());
        s.setString(5, e.actorId().value());
        s.setString(6, e.actorKind().name());
        s.setString(7, e.action());
        s.setString(8, e.targetType());
        s.setString(9, e.targetId());
        s.setObject(10, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        s.setString(11, e.visibility().name());
        s.setString(12, ActivityChain.detailsToJson(e.details()));
        s.setString(13, e.previousHash());
        s.setString(14, e.hash());
    }
}
