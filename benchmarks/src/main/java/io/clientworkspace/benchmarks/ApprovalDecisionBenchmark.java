package io.clientworkspace.benchmarks;

import io.clientworkspace.ActivityId;
import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.ConflictException;
import io.clientworkspace.IdGenerator;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.ChainVerification;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalEvent;
import io.clientworkspace.approval.ApprovalPolicy;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.member.Authorizer;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static java.util.Objects.requireNonNull;

/**
 * Benchmark 4a: approval decisions per second on PostgreSQL (durable commits), 16 threads deciding on
 * {@value #REQUESTS_PER_WORKSPACE} open requests in each of 64 workspaces.
 *
 * <ul>
 *   <li>{@link #kit}: {@code kit.approvals().decide(client, workspace, request, APPROVE, no comment)} by one
 *       of the request's nine client approvers, picked at random. The requests need every approver (policy
 *       ALL) and the team lead, also an approver, never decides, so they stay open and every decision is
 *       appended to the record: the decision row, its activity entry, its event in the outbox;</li>
 *   <li>{@link #bareJdbc}: the ceiling: the same three rows (decision, activity entry linked the same way
 *       with the head kept in memory, outbox event) inserted with plain {@code PreparedStatement}s in one
 *       transaction per decision, to the requests of another 64 workspaces.</li>
 * </ul>
 *
 * <p>After each run the decision rows, their {@code approval.decided} activity rows and their outbox events
 * are counted, each against the decisions that returned normally: none may be missing or extra
 * ({@code lost = 0} for each), no decision may have failed (JMH would count a failed call as an
 * operation), and every activity chain must verify intact. The run fails otherwise.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 5, time = 2)
public class ApprovalDecisionBenchmark {

    static final String OURS = "approval-decide-kit";
    static final String CEILING = "approval-decide-jdbc";
    static final int REQUESTS_PER_WORKSPACE = 4;
    /** The outbox's event type of a decision. */
    static final String EVENT_TYPE = ApprovalEvent.DecisionRecorded.class.getName();
    /** Slots of the workspace's client users that may decide approvals (client admin and contributors). */
    private static final int FIRST_DECIDER = 3;
    private static final int LAST_DECIDER = 11;

    /** One open request and who may decide on it. */
    record Request(WorkspaceId workspace, int workspaceNumber, ApprovalId id, List<String> deciders) {
    }

    abstract static class Side {
        final TenantId tenant = TenantId.of(Datasets.WRITES_TENANT);
        final Actor admin = Actor.team(tenant, Datasets.ADMIN);
        final LongAdder decided = new LongAdder();
        final LongAdder failed = new LongAdder();
        final List<Request> requests = new ArrayList<>();
        JpaKit db;
        WorkspaceId[] workspaces;
        /** Decision rows, {@code approval.decided} activity rows and decision events in the outbox before the run. */
        long[] before;

        @Initializer
        void open(int firstWorkspace) throws Exception {
            db = JpaKit.open(Datasets.WRITES_DB, Authorizer.CacheSettings.defaults(), 20, false);
            workspaces = new WorkspaceId[Datasets.WRITE_WORKSPACES];
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<Request>>> created = new ArrayList<>();
                for (int k = 0; k < workspaces.length; k++) {
                    int number = firstWorkspace + k;
                    workspaces[k] = WorkspaceId.of(Datasets.workspaceId(number));
                    created.add(pool.submit(() -> createRequests(number)));
                }
                for (Future<List<Request>> f : created) {
                    requests.addAll(f.get());
                }
            } finally {
                pool.shutdown();
            }
            before = countRows();
        }

        private List<Request> createRequests(int number) {
            WorkspaceId workspace = WorkspaceId.of(Datasets.workspaceId(number));
            String leadId = Datasets.member(number, 0, Datasets.PERMISSIONS_TEAM);
            Actor lead = Actor.team(tenant, leadId);
            List<String> deciders = new ArrayList<>();
            Set<UserId> approvers = new LinkedHashSet<>();
            approvers.add(UserId.of(leadId));
            for (int slot = FIRST_DECIDER; slot <= LAST_DECIDER; slot++) {
                String user = Datasets.member(number, slot, Datasets.PERMISSIONS_TEAM);
                deciders.add(user);
                approvers.add(UserId.of(user));
            }
            List<Request> made = new ArrayList<>();
            for (int r = 0; r < REQUESTS_PER_WORKSPACE; r++) {
                ApprovalRequest request = db.kit().approvals().requestForDeliverable(lead, workspace,
                        "Homepage design, round " + r, Optional.empty(),
                        NewApproval.of("Sign-off " + r, approvers).withPolicy(ApprovalPolicy.all()));
                made.add(new Request(workspace, number, request.id(), List.copyOf(deciders)));
            }
            return made;
        }

        Request randomRequest() {
            return requests.get(ThreadLocalRandom.current().nextInt(requests.size()));
        }

        /** Decision rows, their {@code approval.decided} activity rows and their outbox events, in this side's workspaces. */
        long[] countRows() {
            String first = workspaces[0].value();
            String last = workspaces[workspaces.length - 1].value();
            try (Connection c = db.dataSource().getConnection()) {
                return new long[] {
                        count(c, "SELECT count(*) FROM cwk_approval_decision WHERE tenant_id = ? AND workspace_id"
                                + " BETWEEN ? AND ?", tenant.value(), first, last),
                        count(c, "SELECT count(*) FROM cwk_activity WHERE tenant_id = ? AND workspace_id BETWEEN ? AND ?"
                                + " AND action = 'approval.decided'", tenant.value(), first, last),
                        // The outbox has no workspace column: the tenant's decision events (one side runs at a time).
                        count(c, "SELECT count(*) FROM cwk_event_outbox WHERE tenant_id = ? AND event_type = ?",
                                tenant.value(), EVENT_TYPE)};
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long count(Connection c, String sql, String... parameters) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int k = 0; k < parameters.length; k++) {
                    s.setString(k + 1, parameters[k]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        void verifyAndClose(String name) {
            try {
                long[] after = countRows();
                long acknowledged = decided.sum();
                String[] tables = {"", "Activity", "Outbox"};
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("appended", acknowledged);
                facts.put("failed", failed.sum());
                boolean lostAny = false;
                for (int k = 0; k < tables.length; k++) {
                    long lost = before[k] + acknowledged - after[k];
                    facts.put("rowsBefore" + tables[k], before[k]);
                    facts.put("rowsAfter" + tables[k], after[k]);
                    facts.put("lost" + tables[k], lost);
                    lostAny |= lost != 0;
                }
                int broken = 0;
                for (WorkspaceId workspace : workspaces) {
                    ChainVerification verification = db.kit().activity().verify(admin, workspace);
                    if (!verification.isIntact()) {
                        broken++;
                    }
                }
                facts.put("brokenChains", broken);
                facts.put("requests", requests.size());
                Verification.write(name, facts);
                if (lostAny || broken != 0 || failed.sum() != 0 || acknowledged == 0) {
                    throw new IllegalStateException(name + ": " + facts);
                }
            } finally {
                db.close();
            }
        }
    }

    /** The kit's way. */
    @State(Scope.Benchmark)
    public static class Ours extends Side {
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            open(0);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            verifyAndClose(OURS);
        }
    }

    /** The ceiling: sequences and chain heads in memory, three plain inserts per decision. */
    @State(Scope.Benchmark)
    public static class Ceiling extends Side {
        private final IdGenerator ids = IdGenerator.timeOrdered(Clock.systemUTC());
        private final Map<ApprovalId, int[]> sequences = new HashMap<>();
        private final Map<WorkspaceId, String[]> heads = new HashMap<>();
        private final Map<WorkspaceId, long[]> headSequences = new HashMap<>();

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            open(Datasets.WRITE_WORKSPACES);
            for (Request r : requests) {
                sequences.put(r.id(), new int[] {0});
            }
            for (WorkspaceId workspace : workspaces) {
                ActivityEntry latest = db.stores().activity().latest(tenant, workspace).orElseThrow();
                heads.put(workspace, new String[] {latest.hash()});
                headSequences.put(workspace, new long[] {latest.sequence()});
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            verifyAndClose(CEILING);
        }

        int nextSequence(ApprovalId id) {
            int[] seq = requireNonNull(sequences.get(id), "setUp made a sequence for every request");
            synchronized (seq) {
                return ++seq[0];
            }
        }

        ActivityEntry nextEntry(Request r, String approver) {
            String[] head = requireNonNull(heads.get(r.workspace()), "setUp made a head for every workspace");
            long[] sequence = requireNonNull(headSequences.get(r.workspace()), "setUp made a head for every workspace");
            synchronized (head) {
                ActivityEntry entry = ActivityChain.link(ActivityId.of(ids.newId()), tenant, r.workspace(), sequence[0] + 1,
                        UserId.of(approver), ActorKind.CLIENT, "approval.decided", "approval", r.id().value(),
                        Instant.now().truncatedTo(ChronoUnit.MICROS), Visibility.CLIENT, Map.of("decision", "APPROVE"),
                        head[0]);
                sequence[0] = entry.sequence();
                head[0] = entry.hash();
                return entry;
            }
        }
    }

    @Benchmark
    public void kit(Ours ours) {
        Request r = ours.randomRequest();
        String approver = r.deciders().get(ThreadLocalRandom.current().nextInt(r.deciders().size()));
        try {
            ours.db.kit().approvals().decide(Actor.client(ours.tenant, approver), r.workspace(), r.id(),
                    DecisionKind.APPROVE, Optional.empty());
            ours.decided.increment();
        } catch (ConflictException e) {
            // Counted, and the run fails at its end: a failed decision is not a write, yet JMH counted it as an operation.
            ours.failed.increment();
        }
    }

    @Benchmark
    public void bareJdbc(Ceiling ceiling) throws SQLException {
        Request r = ceiling.randomRequest();
        String approver = r.deciders().get(ThreadLocalRandom.current().nextInt(r.deciders().size()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Connection c = ceiling.db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement decision = c.prepareStatement("INSERT INTO cwk_approval_decision (tenant_id,"
                    + " workspace_id, approval_id, seq, approver, approver_kind, kind, comment_text, decided_at,"
                    + " file_version, file_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL)");
                 PreparedStatement activity = c.prepareStatement(ActivityAppendBenchmark.INSERT);
                 PreparedStatement outbox = c.prepareStatement("INSERT INTO cwk_event_outbox (tenant_id, event_type,"
                         + " payload, created_at, delivered_at, attempts) VALUES (?, ?, ?, ?, ?, 1)")) {
                decision.setString(1, ceiling.tenant.value());
                decision.setString(2, r.workspace().value());
                decision.setString(3, r.id().value());
                decision.setInt(4, ceiling.nextSequence(r.id()));
                decision.setString(5, approver);
                decision.setString(6, ActorKind.CLIENT.name());
                decision.setString(7, DecisionKind.APPROVE.name());
                decision.setObject(8, now);
                decision.executeUpdate();
                ActivityEntry e = ceiling.nextEntry(r, approver);
                ActivityAppendBenchmark.bind(activity, e);
                activity.executeUpdate();
                outbox.setString(1, ceiling.tenant.value());
                outbox.setString(2, EVENT_TYPE);
                outbox.setString(3, "{\"tenantId\":\"" + ceiling.tenant.value() + "\",\"workspace\":\""
                        + r.workspace().value() + "\",\"request\":\"" + r.id().value() + "\",\"kind\":\"APPROVE\"}");
                outbox.setObject(4, now);
                outbox.setObject(5, now);
                outbox.executeUpdate();
                c.commit();
                ceiling.decided.increment();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
