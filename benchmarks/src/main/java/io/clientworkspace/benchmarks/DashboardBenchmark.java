package io.clientworkspace.benchmarks;

import io.clientworkspace.Actor;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.dashboard.DashboardQuery;
import io.clientworkspace.dashboard.DashboardRow;
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
 * Benchmark 5: the operator dashboard on PostgreSQL at 1,000 and 100,000 workspaces (see {@link DashboardSeeder}),
 * through the kit on the JPA stores with warm permission caches, by the method of {@link ListingBenchmark}: every
 * call fetches one page of {@value #PAGE} rows from each size's database in a rotating order and times each, so the
 * machine's other work slows every size alike. The pages:
 *
 * <ul>
 *   <li>{@link #adminPage}: the tenant admin's default page (active workspaces, quietest client first), at pages
 *       spread over the whole list (keyset cursors collected by walking it in pages of 500);</li>
 *   <li>{@link #attentionPage}: the tenant admin's "needs attention" pages, likewise;</li>
 *   <li>{@link #assignedPage}: a team member's "assigned to me" pages (it leads a tenth of the workspaces);</li>
 *   <li>{@link #searchPage}: the tenant admin's text search for part of a random workspace's name.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
public class DashboardBenchmark {

    /** System property: the sizes to measure, comma-separated (1,000 and 100,000 when not set). */
    static final String SIZES_PROPERTY = "cwk.bench.dashboardSizes";
    static final int PAGE = PageRequest.DEFAULT_LIMIT;
    /** Page positions and search texts sampled per size (the listing benchmark's setting). */
    static final int SAMPLES = Integer.getInteger(ListingBenchmark.SAMPLES_PROPERTY, 256);
    private static final int MAX_RECORDED = 1 << 18;

    static final DashboardQuery DEFAULT = DashboardQuery.defaults();
    static final DashboardQuery ATTENTION = DashboardQuery.builder().needsAttention(true).build();
    static final DashboardQuery ASSIGNED = DashboardQuery.builder().assignedToMe(true).build();

    /** Every size's data set, a kit on each, and the per-size latencies recorded while measuring. */
    @State(Scope.Benchmark)
    public static class Scale {
        int[] sizes;
        JpaKit[] dbs;
        Actor admin;
        Actor lead;
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
                dbs[s] = JpaKit.open(DashboardSeeder.database(sizes[s]), JpaKit.WARM, 4, false);
            }
            TenantId tenant = TenantId.of(DashboardSeeder.TENANT);
            admin = Actor.team(tenant, Datasets.ADMIN);
            lead = Actor.team(tenant, DashboardSeeder.LEAD);
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
            Verification.write("dashboard-" + method, facts);
            for (JpaKit db : dbs) {
                db.close();
            }
        }
    }

    /** Cursors of pages spread over one actor's whole list for one query, per size. */
    abstract static class Pages {
        List<List<Optional<String>>> cursors = new ArrayList<>();

        void collect(Scale scale, Actor actor, DashboardQuery query) {
            for (int s = 0; s < scale.sizes.length; s++) {
                cursors.add(sample(walk(scale.kit(s), actor, query)));
            }
        }
    }

    /** The admin's default pages. */
    @State(Scope.Benchmark)
    public static class AdminPages extends Pages {
        @Setup(Level.Trial)
        public void setUp(Scale scale) {
            collect(scale, scale.admin, DEFAULT);
        }
    }

    /** The admin's "needs attention" pages. */
    @State(Scope.Benchmark)
    public static class AttentionPages extends Pages {
        @Setup(Level.Trial)
        public void setUp(Scale scale) {
            collect(scale, scale.admin, ATTENTION);
        }
    }

    /** The team member's "assigned to me" pages. */
    @State(Scope.Benchmark)
    public static class AssignedPages extends Pages {
        @Setup(Level.Trial)
        public void setUp(Scale scale) {
            collect(scale, scale.lead, ASSIGNED);
        }
    }

    /** Per size, searches for random workspaces (each finds at least that one). */
    @State(Scope.Benchmark)
    public static class Searches {
        DashboardQuery[][] queries;

        @Setup(Level.Trial)
        public void setUp(Scale scale) {
            queries = new DashboardQuery[scale.sizes.length][SAMPLES];
            for (int s = 0; s < scale.sizes.length; s++) {
                Random random = new Random(13);
                for (int k = 0; k < SAMPLES; k++) {
                    queries[s][k] = search(random.nextInt(scale.sizes[s]));
                    search(scale.kit(s), scale.admin, queries[s][k]);
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
    public void adminPage(Scale scale, AdminPages pages, Position position, Blackhole blackhole) {
        eachSize(scale, position, blackhole, (s, k) -> page(scale.kit(s), scale.admin, DEFAULT, pages.cursors.get(s).get(k)));
    }

    @Benchmark
    public void attentionPage(Scale scale, AttentionPages pages, Position position, Blackhole blackhole) {
        eachSize(scale, position, blackhole,
                (s, k) -> page(scale.kit(s), scale.admin, ATTENTION, pages.cursors.get(s).get(k)));
    }

    @Benchmark
    public void assignedPage(Scale scale, AssignedPages pages, Position position, Blackhole blackhole) {
        eachSize(scale, position, blackhole, (s, k) -> page(scale.kit(s), scale.lead, ASSIGNED, pages.cursors.get(s).get(k)));
    }

    @Benchmark
    public void searchPage(Scale scale, Searches searches, Position position, Blackhole blackhole) {
        eachSize(scale, position, blackhole, (s, k) -> search(scale.kit(s), scale.admin, searches.queries[s][k]));
    }

    static Page<DashboardRow> page(WorkspaceKit kit, Actor actor, DashboardQuery query, Optional<String> cursor) {
        return kit.dashboard().page(actor, query, cursor.map(c -> PageRequest.after(c, PAGE)).orElse(PageRequest.first(PAGE)));
    }

    static DashboardQuery search(int workspace) {
        return DashboardQuery.builder().text(DashboardSeeder.searchFor(workspace)).anyStatus().build();
    }

    static Page<DashboardRow> search(WorkspaceKit kit, Actor actor, DashboardQuery query) {
        Page<DashboardRow> page = kit.dashboard().page(actor, query, PageRequest.first(PAGE));
        // A search that suddenly found nothing would make the benchmark time the wrong thing.
        if (page.items().isEmpty()) {
            throw new IllegalStateException("the search " + query.text() + " found nothing");
        }
        return page;
    }

    /** The sizes to measure: {@value #SIZES_PROPERTY}, or 1,000 and 100,000. */
    static int[] sizes() {
        String property = System.getProperty(SIZES_PROPERTY, "1000,100000");
        return Arrays.stream(property.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    }

    /** A cursor every 500 rows of the actor's pages, the first page as empty. */
    static List<Optional<String>> walk(WorkspaceKit kit, Actor actor, DashboardQuery query) {
        List<Optional<String>> cursors = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            cursors.add(cursor);
            Page<DashboardRow> page = kit.dashboard().page(actor, query, cursor.map(c -> PageRequest.after(c,
                    PageRequest.MAX_LIMIT)).orElse(PageRequest.first(PageRequest.MAX_LIMIT)));
            if (cursors.size() == 1 && page.items().size() < PAGE) {
                throw new IllegalStateException(actor + " sees fewer than a page of workspaces: is the data set seeded?");
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
}
