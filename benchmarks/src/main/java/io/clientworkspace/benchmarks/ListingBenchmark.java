package io.clientworkspace.benchmarks;

import io.clientworkspace.Actor;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.workspace.Workspace;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 3: the operator's views on PostgreSQL at 1,000, 10,000 and 100,000 workspaces of 20
 * members each (2 million memberships and 2.2 million activity entries at the top), through the kit
 * on the JPA stores with warm permission caches (steady state). Each call fetches one page of
 * {@value #PAGE} items:
 *
 * <ul>
 *   <li>{@link #operatorPage}: the tenant admin's list of all workspaces, at pages spread over the
 *       whole list (keyset cursors collected by walking it in pages of 500);</li>
 *   <li>{@link #memberPage}: a team member's list of the workspaces it belongs to (6 % of them);</li>
 *   <li>{@link #teamFeedPage} and {@link #clientFeedPage}: the first page of a workspace's activity
 *       feed as the team sees it and as a client sees it (team-only entries filtered in the query).</li>
 * </ul>
 *
 * <p>The sizes are measured side by side, not one after the other: each invocation fetches one page
 * from every size's database, in a rotating order, and times each call; the per-size medians and
 * tails are computed from the measurement iterations' samples and handed to the runner (JMH's own
 * score is the time of one page of every size). Whatever else the machine is doing then slows every
 * size alike, so the growth ratios hold even on a busy machine.
 *
 * <p>The statement counts per page are measured separately, with Hibernate's statistics, by
 * {@link StatementCounts} on the same operations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
public class ListingBenchmark {

    /** System property: the sizes to measure, comma-separated (1,000, 10,000 and 100,000 when not set). */
    static final String SIZES_PROPERTY = "cwk.bench.listingSizes";
    static final int PAGE = PageRequest.DEFAULT_LIMIT;
    static final String MEMBER = Datasets.teamUser(7);
    /** System property: page positions and feed workspaces sampled per size (256 when not set; fewer in a smoke run). */
    static final String SAMPLES_PROPERTY = "cwk.bench.listingSamples";
    static final int SAMPLES = Integer.getInteger(SAMPLES_PROPERTY, 256);
    private static final int MAX_RECORDED = 1 << 18;

    /** Every size's data set, a kit on each, and the per-size latencies recorded while measuring. */
    @State(Scope.Benchmark)
    public static class Scale {
        int[] sizes;
        JpaKit[] dbs;
        Actor admin;
        Actor member;
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
                dbs[s] = JpaKit.open(Datasets.listingDb(sizes[s]), JpaKit.WARM, 4, false);
            }
            TenantId tenant = TenantId.of(Datasets.LISTING_TENANT);
            admin = Actor.team(tenant, Datasets.ADMIN);
            member = Actor.team(tenant, MEMBER);
        }

        @Setup(Level.Iteration)
        public void startIteration(IterationParams iteration) {
            recording = iteration.getType() == IterationType.MEASUREMENT;
        }

        WorkspaceKit kit(int s) {
            return dbs[s].kit();
        }

        void record(int s, long nanos) {
            if (recording && recorded[s] < MAX_RECORDED) {
                samples[s][recorded[s]++] = nanos;
            }
        }

        @TearDown(Level.Trial)
        public void tearDown(BenchmarkParams params) {
            String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            Map<String, Object> facts = new LinkedHashMap<>();
            for (int s = 0; s < sizes.length; s++) {
                long[] sorted = Arrays.copyOf(samples[s], recorded[s]);
                Arrays.sort(sorted);
                facts.put("n." + sizes[s], sorted.length);
                facts.put("p50." + sizes[s], percentile(sorted, 50));
                facts.put("p99." + sizes[s], percentile(sorted, 99));
                facts.put("mean." + sizes[s], Arrays.stream(sorted).average().orElse(Double.NaN));
            }
            Verification.write("listing-" + method, facts);
            for (JpaKit db : dbs) {
                db.close();
            }
        }
    }

    /** Cursors of pages spread over the admin's whole list, per size. */
    @State(Scope.Benchmark)
    public static class OperatorPages {
        List<List<Optional<String>>> cursors = new ArrayList<>();

        @Setup(Level.Trial)
        public void setUp(Scale scale) {
            for (int s = 0; s < scale.sizes.length; s++) {
                cursors.add(sample(walk(scale.kit(s), scale.admin)));
            }
        }
    }

    /** Cursors of pages spread over the team member's whole list, per size. */
    @State(Scope.Benchmark)
    public static class MemberPages {
        List<List<Optional<String>>> cursors = new ArrayList<>();

        @Setup(Level.Trial)
        public void setUp(Scale scale) {
            for (int s = 0; s < scale.sizes.length; s++) {
                cursors.add(sample(walk(scale.kit(s), scale.member)));
            }
        }
    }

    /** Per size, random workspaces and one client user of each; their permissions cached. */
    @State(Scope.Benchmark)
    public static class Feeds {
        WorkspaceId[][] workspaces;
        Actor[][] clients;

        @Setup(Level.Trial)
        public void setUp(Scale scale) {
            workspaces = new WorkspaceId[scale.sizes.length][SAMPLES];
            clients = new Actor[scale.sizes.length][SAMPLES];
            for (int s = 0; s < scale.sizes.length; s++) {
                Random random = new Random(7);
                for (int k = 0; k < SAMPLES; k++) {
                    int i = random.nextInt(scale.sizes[s]);
                    workspaces[s][k] = WorkspaceId.of(Datasets.workspaceId(i));
                    clients[s][k] = Actor.client(scale.admin.tenantId(), Datasets.member(i, 5, Datasets.LISTING_TEAM));
                    teamFeed(scale.kit(s), scale.admin, workspaces[s][k]);
                    clientFeed(scale.kit(s), clients[s][k], workspaces[s][k]);
                }
            }
        }
    }

    /** Where this thread is in the cycle of samples, and which size goes first. */
    @State(Scope.Thread)
    public static class Position {
        int next;
        int first;

        int next() {
            int n = next;
            next = (next + 1) % SAMPLES;
            first++;
            return n;
        }
    }

    private interface Call {
        Object run(int size, int sample);
    }

    private static void eachSize(Scale scale, Position position, Blackhole blackhole, Call call) {
        int sample = position.next();
        for (int k = 0; k < scale.sizes.length; k++) {
            int s = (position.first + k) % scale.sizes.length;
            long started = System.nanoTime();
            blackhole.consume(call.run(s, sample));
            scale.record(s, System.nanoTime() - started);
        }
    }

    @Benchmark
    public void operatorPage(Scale scale, OperatorPages pages, Position position, Blackhole blackhole) {
        eachSize(scale, position, blackhole, (s, k) -> list(scale.kit(s), scale.admin, pages.cursors.get(s).get(k)));
    }

    @Benchmark
    public void memberPage(Scale scale, MemberPages pages, Position position, Blackhole blackhole) {
        eachSize(scale, position, blackhole, (s, k) -> list(scale.kit(s), scale.member, pages.cursors.get(s).get(k)));
    }

    @Benchmark
    public void teamFeedPage(Scale scale, Feeds feeds, Position position, Blackhole blackhole) {
        eachSize(scale, position, blackhole, (s, k) -> teamFeed(scale.kit(s), scale.admin, feeds.workspaces[s][k]));
    }

    @Benchmark
    public void clientFeedPage(Scale scale, Feeds feeds, Position position, Blackhole blackhole) {
        eachSize(scale, position, blackhole, (s, k) -> clientFeed(scale.kit(s), feeds.clients[s][k], feeds.workspaces[s][k]));
    }

    static Page<Workspace> list(WorkspaceKit kit, Actor actor, Optional<String> cursor) {
        return kit.workspaces().list(actor, cursor.map(c -> PageRequest.after(c, PAGE)).orElse(PageRequest.first(PAGE)));
    }

    static Page<ActivityEntry> teamFeed(WorkspaceKit kit, Actor team, WorkspaceId workspace) {
        return requireFull(kit.activity().feed(team, workspace, PageRequest.first(PAGE)), Datasets.ACTIVITY_PER_WORKSPACE);
    }

    static Page<ActivityEntry> clientFeed(WorkspaceKit kit, Actor client, WorkspaceId workspace) {
        return requireFull(kit.activity().feed(client, workspace, PageRequest.first(PAGE)),
                Datasets.ACTIVITY_PER_WORKSPACE - 1);
    }

    /** The sizes to measure: {@value #SIZES_PROPERTY}, or 1,000, 10,000 and 100,000. */
    static int[] sizes() {
        String property = System.getProperty(SIZES_PROPERTY, "1000,10000,100000");
        return Arrays.stream(property.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    }

    /** A cursor every 500 items of the actor's list, the first page as empty. */
    static List<Optional<String>> walk(WorkspaceKit kit, Actor actor) {
        List<Optional<String>> cursors = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            cursors.add(cursor);
            Page<Workspace> page = kit.workspaces().list(actor, cursor.map(c -> PageRequest.after(c, PageRequest.MAX_LIMIT))
                    .orElse(PageRequest.first(PageRequest.MAX_LIMIT)));
            if (page.items().isEmpty()) {
                throw new IllegalStateException(actor + " sees no workspaces: is the data set seeded?");
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return cursors;
    }

    private static List<Optional<String>> sample(List<Optional<String>> all) {
        Random random = new Random(11);
        List<Optional<String>> sample = new ArrayList<>(SAMPLES);
        for (int k = 0; k < SAMPLES; k++) {
            sample.add(all.get(random.nextInt(all.size())));
        }
        return sample;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static <T> Page<T> requireFull(Page<T> page, int expected) {
        // A feed that suddenly came back short would make the benchmark time the wrong thing.
        if (page.items().size() != expected) {
            throw new IllegalStateException("expected " + expected + " entries but got " + page.items().size());
        }
        return page;
    }
}
