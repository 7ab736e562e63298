package io.clientworkspace.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import org.openjdk.jmh.annotations.Mode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Runs the whole benchmark suite and writes {@code benchmarks/RESULTS.md}:
 *
 * <pre>
 * mvn -B -pl benchmarks -am package -DskipTests &amp;&amp; java -jar benchmarks/target/benchmarks.jar
 * </pre>
 *
 * <p>Starts one embedded PostgreSQL, seeds every data set with bulk {@code COPY}, counts statements,
 * runs the JMH benchmarks in forked JVMs, and renders the report with the machine it ran on. With
 * {@code --smoke} everything runs once, briefly, in this JVM, on the smallest data sets, and the
 * report goes to {@code target/RESULTS-smoke.md} (the smoke test does this). {@code --quick} runs
 * forked but short and small, for working on the suite itself. {@code --out=FILE} writes the report
 * elsewhere.
 */
public final class RunAll {

    private static final String JBOSS_LOGGING = "org.jboss.logging.provider";

    static final String COMMAND = "mvn -B -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar";

    private final Settings settings;
    private final MachineInfo machine;
    private final Path out;
    private final long started = System.nanoTime();
    private final Report report = new Report();
    private final List<String> log = new ArrayList<>();
    private List<String> jvmArgs = List.of();
    private String postgres = "not started";

    private RunAll(Settings settings, MachineInfo machine, Path out) {
        this.settings = settings;
        this.machine = machine;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        Path module = moduleDirectory();
        Path out = module.resolve(smoke ? "target/RESULTS-smoke.md" : "RESULTS.md");
        for (String arg : args) {
            if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            }
        }
        Settings settings = smoke ? Settings.smokeRun() : List.of(args).contains("--quick") ? Settings.quickRun()
                : Settings.fullRun();
        Report report;
        try {
            report = run(settings, module.resolve("target/bench-work"), out);
        } catch (Throwable e) {
            // Also in a file: a benchmark harness that dies at the end should not die silently.
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Path errors = module.resolve("target/bench-work/runner-error.txt");
            Files.createDirectories(errors.getParent());
            Files.writeString(errors, trace.toString());
            throw e;
        }
        System.out.println("Wrote " + out.toAbsolutePath());
        long missed = report.targets().stream().filter(t -> Boolean.FALSE.equals(t.met())).count();
        System.out.println(missed == 0 ? "Every measured target met." : missed + " target(s) missed; see the report.");
    }

    /**
     * Runs the suite with {@code settings}, working in {@code work}, and writes the report to {@code out}
     * (after every section, so that a run cut short still leaves what it measured).
     */
    static Report run(Settings settings, Path work, Path out) throws IOException {
        Path verification = work.resolve("verification");
        deleteRecursively(verification);
        Files.createDirectories(verification);
        System.setProperty(Verification.DIRECTORY_PROPERTY, verification.toString());
        // Hibernate logs through slf4j-simple too (warnings only), not through java.util.logging at INFO.
        System.setProperty(JBOSS_LOGGING, "slf4j");
        RunAll run = new RunAll(settings, MachineInfo.detect(), out);
        try (BenchDatabase db = BenchDatabase.start()) {
            run.postgres = db.serverVersion();
            run.jvmArgs = List.of("-Xmx1g", "-Xms1g", "-D" + BenchDatabase.SERVER_PROPERTY + "=" + db.serverUrl(),
                    "-D" + Verification.DIRECTORY_PROPERTY + "=" + verification, "-D" + JBOSS_LOGGING + "=slf4j");
            run.section("1. Permission check", () -> run.permissions(db));
            run.section("2. File upload and download", () -> run.files(work));
            run.section("3. Workspace listing and activity feed at scale", () -> run.listing(db));
            run.section("4. Write throughput with 16 threads", () -> run.writes(db));
        }
        run.write();
        return run.report;
    }

    private void write() throws IOException {
        double minutes = (System.nanoTime() - started) / 60e9;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.render(header(machine, postgres, minutes)));
    }

    private interface Section {
        void run() throws Exception;
    }

    private void section(String title, Section section) {
        long sectionStarted = System.nanoTime();
        System.out.println("=== " + title);
        try {
            section.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            report.add("## " + title + "\n\n**This section failed in this run and was not measured:** `"
                    + String.valueOf(e).replace('`', '\'') + "`.");
            report.target(title.substring(0, 1), "the section completes", "failed", false);
        }
        log.add(String.format(Locale.ROOT, "%s: %.1f min", title.substring(0, 1), (System.nanoTime() - sectionStarted) / 60e9));
        try {
            write();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report to " + out, e);
        }
    }

    private String header(MachineInfo machine, String postgres, double minutes) {
        return "# Benchmark results\n\n"
                + (settings.smoke() ? "**Smoke run: one short iteration in one JVM on the smallest data sets. These"
                + " numbers mean nothing; the run only proves the suite works.**\n\n" : "")
                + "Written by `io.clientworkspace.benchmarks.RunAll` from one run of the whole suite on one machine."
                + " Absolute times on shared machines vary from run to run (other builds may have been running on this"
                + " one);"
                + " the ratios are measured side by side in the same run and are what to compare.\n\n"
                + "| | |\n|---|---|\n"
                + "| date | " + machine.date() + " |\n"
                + "| CPU | " + machine.cpu() + " |\n"
                + "| cores | " + machine.cores() + " |\n"
                + "| memory | " + machine.memory() + " |\n"
                + "| JDK | " + machine.jdk() + " |\n"
                + "| OS | " + machine.os() + " |\n"
                + "| PostgreSQL | " + postgres + " (embedded, zonky binaries; `synchronous_commit=on`, `fsync=on`,"
                + " `shared_buffers=256MB`) |\n"
                + "| JMH | 1.37; " + (settings.smoke() ? "no fork" : "1 fork per benchmark, `-Xmx1g` (files: `-Xmx64m`)") + "; "
                + timing(settings.fast()) + " (permission checks); " + timing(settings.listing()) + " (listing); "
                + timing(settings.throughput()) + " (throughput); " + settings.files().warmupIterations() + " + "
                + settings.files().measurementIterations() + " single transfers (files) |\n"
                + "| duration | " + String.format(Locale.ROOT, "%.1f min", minutes) + " for the run (by section: "
                + String.join(", ", log) + "), plus the Maven build |\n"
                + "| command | `" + COMMAND + "` |\n";
    }

    private static String timing(Settings.Timing t) {
        return t.warmupIterations() + " × " + t.warmupTime() + " warm-up, " + t.measurementIterations() + " × "
                + t.measurementTime() + " measured";
    }

    // ------------------------------------------------------------------ 1. permissions

    private void permissions(BenchDatabase db) throws Exception {
        int[] sizes = settings.permissionSizes();
        long seedStart = System.nanoTime();
        db.createMigrated(Datasets.PERMISSIONS_DB);
        try (HikariDataSource ds = BenchDatabase.pool(Datasets.PERMISSIONS_DB, 2)) {
            List<Seeder.TenantData> tenants = new ArrayList<>();
            for (int n : sizes) {
                tenants.add(new Seeder.TenantData(Datasets.permissionTenant(n), Datasets.PERMISSIONS_TEAM,
                        n / Datasets.MEMBERS_PER_WORKSPACE, false));
            }
            Seeder.load(ds, tenants);
        }
        double seeded = (System.nanoTime() - seedStart) / 1e9;
        List<StatementCounts.Count> counts = StatementCounts.permissionCheck(sizes[0]);
        long coldTeam = StatementCounts.coldCheckWithoutCache(sizes[0], true);
        long coldClient = StatementCounts.coldCheckWithoutCache(sizes[0], false);

        Jmh r = Jmh.run(PermissionCheckBenchmark.class, settings, settings.fast(), "assignments", sizes, jvmArgs);
        String p = "assignments";
        StringBuilder md = new StringBuilder("## 1. Permission check\n\n");
        md.append("One check: may this user do this in this workspace? Tenants with 360, 3,600 and 36,000 role assignments"
                + " (18, 180 and 1,800 workspaces × 20 members: a lead and two team members from a roster of 20, and 17"
                + " client users of the workspace's own), bulk-loaded into PostgreSQL in "
                + String.format(Locale.ROOT, "%.0f", seeded) + " s. Each benchmark cycles through one check per"
                + " assignment (random permission, shuffled), so the larger sets really touch more cache entries."
                + " JMH sample mode: every call timed; median (p50) / 99th percentile, and the ratios of the medians.\n\n");
        md.append("| assignments | ours, warm | ours, cold | uncached JPA lookup | jCasbin `Enforcer`"
                + " | jCasbin `CachedEnforcer`, warm | harness alone | jCasbin ÷ ours warm | uncached JPA ÷ ours warm |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        String[] methods = {"oursWarm", "oursCold", "uncachedJpaLookup", "jcasbin", "jcasbinCached", "harnessOnly"};
        for (int n : sizes) {
            double warm = r.percentile("oursWarm", p, n, 50);
            md.append("| ").append(String.format(Locale.ROOT, "%,d", n));
            for (String m : methods) {
                md.append(" | ").append(Report.time(r.percentile(m, p, n, 50), "ns")).append(" / ")
                        .append(Report.time(r.percentile(m, p, n, 99), "ns"));
            }
            md.append(" | ").append(Report.ratio(r.percentile("jcasbin", p, n, 50) / warm))
                    .append(" | ").append(Report.ratio(r.percentile("uncachedJpaLookup", p, n, 50) / warm))
                    .append(" |\n");
        }
        md.append("\nMeans, for reference (they carry this shared machine's hiccups):");
        for (int n : sizes) {
            md.append(String.format(Locale.ROOT, " %,d: ", n));
            List<String> means = new ArrayList<>();
            for (String m : methods) {
                means.add(m + " " + Report.time(r.score(m, Mode.SampleTime, p, n), "ns"));
            }
            md.append(String.join(", ", means)).append(';');
        }
        md.setLength(md.length() - 1);
        md.append(".\n");
        md.append("\n- **ours, warm**: `kit.authorizer().can(actor, workspace, permission)` on the JPA stores, every answer"
                + " already in its Caffeine cache (the steady state; the cache holds 100,000 answers by default; here"
                + " they are kept 30 minutes instead of the default 30 seconds so that filling 36,000 of them does not"
                + " outlast them). Sample mode times single calls, so these include about 20–30 ns of timer"
                + " overhead.\n"
                + "- **ours, cold**: the same, with all three caches of the authorizer sized 0, so every check reads from"
                + " PostgreSQL: " + coldTeam + " statements for a team user (roster, membership, permission matrix), "
                + coldClient + " for a client user (membership, matrix), each store call in its own transaction. This is"
                + " the worst case, right after a start; after a membership change only that one answer is reloaded.\n"
                + "- **uncached JPA lookup**: what a host would write by hand without a cache: one"
                + " `MembershipStore.find` on PostgreSQL (" + countOf(counts, "uncached JPA lookup") + " statement),"
                + " then the default matrix in memory.\n"
                + "- **jCasbin** 1.99.0 `Enforcer`: RBAC with domains (`g = user, role, workspace`), the default"
                + " permission matrix as `p, ROLE, *, PERMISSION` policies, matcher"
                + " `r.act == p.act && g(r.sub, p.sub, r.dom) && (p.dom == \"*\" || r.dom == p.dom)` (the cheap comparison"
                + " first, the fastest order), loaded from a CSV file with the same assignments. Before timing, every"
                + " check is asked once and must give the kit's answer. It knows nothing of team versus client users or"
                + " the roster, so it answers a slightly simpler question. `CachedEnforcer` is jCasbin's own memoizing"
                + " enforcer, warmed the same way, for a like-for-like cached comparison.\n"
                + "- **harness alone**: no check, only fetching the next check from the shuffled list and touching the"
                + " ids a check hashes: the part of every column above that is the benchmark's own memory traffic.\n");
        report.add(md.toString());

        double casbin = r.percentile("jcasbin", p, 3_600, 50);
        double warm3600 = r.percentile("oursWarm", p, 3_600, 50);
        double speedup = casbin / warm3600;
        report.target(new Report.Target("1", "warm check ≥ 1,000× faster than jCasbin at 3,600 assignments (medians)",
                Report.ratio(speedup), Double.isNaN(speedup) ? null : speedup >= 1_000,
                "jCasbin's `Enforcer` took a median " + Report.time(casbin, "ns") + " per check here, against "
                        + Report.time(warm3600, "ns") + " for ours. It evaluates its matcher (an expression interpreted"
                        + " by Aviator) once per policy, 61 policies for the default matrix, with the cheap action"
                        + " comparison first; the 1,000× target assumed an engine about "
                        + String.format(Locale.ROOT, "%.0f", 1_000 / speedup) + " times slower than that. Our side has little left to give: a warm check is one hash lookup"
                        + " plus an `EnumSet` test, and its median includes the 20–30 ns of the timer. A larger ratio"
                        + " would only come from a worse baseline (jCasbin's per-workspace policy layout, 61 policies per"
                        + " workspace, is slower and grows with the data, but nobody deploys it for a shared role"
                        + " matrix), so the honest claim is the measured one: " + ratios(r, sizes)
                        + ", and about " + Report.ratio(r.percentile("jcasbinCached", p, 3_600, 50) / warm3600)
                        + " faster than jCasbin's own `CachedEnforcer`."));
        double flat = r.percentile("oursWarm", p, sizes[sizes.length - 1], 50) / r.percentile("oursWarm", p, sizes[0], 50);
        double casbinCachedGrowth = r.percentile("jcasbinCached", p, sizes[sizes.length - 1], 50)
                / r.percentile("jcasbinCached", p, sizes[0], 50);
        int last = sizes[sizes.length - 1];
        String memoryNote = "With 36,000 distinct answers asked for in random order, the data a check touches (the"
                + " cache's table, node, key and grant, and the benchmark's own actor and ids) no longer fits the"
                + " CPU's caches, so each check pays a few trips to memory. Part of it is the harness: fetching the"
                + " next check and touching its ids alone takes " + Report.time(r.percentile("harnessOnly", p, sizes[0], 50), "ns")
                + " at 360 and " + Report.time(r.percentile("harnessOnly", p, last, 50), "ns") + " at 36,000;"
                + " jCasbin's `CachedEnforcer` slows the same way (" + Report.ratio(casbinCachedGrowth)
                + " from 360 to 36,000). Real traffic is skewed toward"
                + " the users active at the moment, which keeps the hot answers in the CPU's caches; uniform random"
                + " access is the worst case. What would fix it: fewer dependent loads per lookup, e.g. a cache keyed"
                + " by one flat value (the actor's ids interned to a single long) instead of a record of four objects,"
                + " with the grant stored as a bit mask in the entry.";
        report.target(new Report.Target("1", "warm check flat (≤ 1.5×) from 360 to 36,000 assignments (medians)",
                Report.ratio(flat) + " (36,000 ÷ 360)", sizes.length < 2 || Double.isNaN(flat) ? null : flat <= 1.5,
                memoryNote));
        double worstP50 = 0;
        for (int n : sizes) {
            worstP50 = Math.max(worstP50, r.percentile("oursWarm", p, n, 50));
        }
        StringBuilder medians = new StringBuilder();
        for (int n : sizes) {
            medians.append(medians.length() == 0 ? "" : ", ").append(Report.time(r.percentile("oursWarm", p, n, 50), "ns"))
                    .append(String.format(Locale.ROOT, " at %,d", n));
        }
        report.target(new Report.Target("1", "warm check p50 ≤ 250 ns", Report.time(worstP50, "ns") + " (worst size)",
                Double.isNaN(worstP50) ? null : worstP50 <= 250, "The medians were " + medians
                + "; the largest size misses for the reason in the previous note (memory, not computation)."));
    }

    /**
     * Where to look if the team member's list grows. Until schema V3 it did, 13× from 1k to 100k: the query
     * hash-joined all of the member's memberships (6,000 at 100,000 workspaces) and sorted them.
     */
    private static final String MEMBER_LIST_NOTE = "Not expected from the query:"
            + " `JpaWorkspaceStore.listForMember` reads the member's memberships from one range of"
            + " `ix_cwk_membership_user_slug` (tenant, user, the workspace's slug copied onto the membership) in"
            + " keyset order, stops at the page's end and joins each row to its workspace by primary key, like the"
            + " operator's list; it no longer hash-joins all of the member's memberships and sorts them (schema"
            + " V3). Check its plan with EXPLAIN ANALYZE on the largest data set: a Sort node or a scan that"
            + " returns all of the member's memberships means the index is not used.";

    private static String ratios(Jmh r, int[] sizes) {
        StringBuilder text = new StringBuilder();
        for (int n : sizes) {
            text.append(text.length() == 0 ? "" : ", ")
                    .append(Report.ratio(r.percentile("jcasbin", "assignments", n, 50)
                            / r.percentile("oursWarm", "assignments", n, 50)))
                    .append(String.format(Locale.ROOT, " at %,d assignments", n));
        }
        return text.toString();
    }

    private static String countOf(List<StatementCounts.Count> counts, String operation) {
        return counts.stream().filter(c -> c.operation().equals(operation)).findFirst()
                .map(c -> Long.toString(c.warm())).orElse("?");
    }

    // ------------------------------------------------------------------ 2. files

    private void files(Path work) throws Exception {
        FileTransfer.Outcome outcome = FileTransfer.run(settings, work, jvmArgs);
        report.add(outcome.markdown());
        outcome.targets().forEach(report::target);
    }

    // ------------------------------------------------------------------ 3. listing

    private void listing(BenchDatabase db) throws Exception {
        int[] sizes = settings.listingSizes();
        List<String> seeding = new ArrayList<>();
        List<List<StatementCounts.Count>> counts = new ArrayList<>();
        for (int n : sizes) {
            long seedStart = System.nanoTime();
            String database = Datasets.listingDb(n);
            db.createMigrated(database);
            try (HikariDataSource ds = BenchDatabase.pool(database, 2)) {
                Seeder.load(ds, List.of(new Seeder.TenantData(Datasets.LISTING_TENANT, Datasets.LISTING_TEAM, n, true)));
            }
            seeding.add(String.format(Locale.ROOT, "%,d in %.0f s", n, (System.nanoTime() - seedStart) / 1e9));
            counts.add(StatementCounts.listing(n));
        }
        String sizeList = String.join(",", Arrays.stream(sizes).mapToObj(Integer::toString).toList());
        System.setProperty(ListingBenchmark.SIZES_PROPERTY, sizeList);
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-D" + ListingBenchmark.SIZES_PROPERTY + "=" + sizeList);
        Jmh.run(ListingBenchmark.class, settings, settings.listing(), null, null, args);
        String[] methods = {"operatorPage", "memberPage", "teamFeedPage", "clientFeedPage"};
        Properties[] measured = new Properties[methods.length];
        for (int k = 0; k < methods.length; k++) {
            measured[k] = Verification.read("listing-" + methods[k]);
        }
        StringBuilder md = new StringBuilder("## 3. Workspace listing and activity feed at scale\n\n");
        md.append("One tenant with 1,000, 10,000 and 100,000 workspaces of 20 members each (at the top: 2,000,000"
                + " memberships and 2,200,000 activity entries with valid hash chains), each size in its own database,"
                + " bulk-loaded with `COPY` (" + String.join(", ", seeding) + ", including the index builds and"
                + " `VACUUM ANALYZE`). Calls go through the kit on the JPA stores with warm permission caches; one page"
                + " is " + ListingBenchmark.PAGE + " items. The sizes are measured side by side: every benchmark call"
                + " fetches one page from each size's database in rotating order and times each, so the machine's"
                + " other work slows every size alike. Median (p50) / 99th percentile per page, from "
                + samples(measured, sizes) + " timed pages per cell.\n\n");
        md.append("| workspaces | operator's list (tenant admin) | team member's list | activity feed, team view"
                + " | activity feed, client view |\n|---:|---:|---:|---:|---:|\n");
        for (int n : sizes) {
            md.append("| ").append(String.format(Locale.ROOT, "%,d", n));
            for (String m : methods) {
                Properties q = measured[Arrays.asList(methods).indexOf(m)];
                md.append(" | ").append(Report.time(nanos(q, "p50." + n), "ns")).append(" / ")
                        .append(Report.time(nanos(q, "p99." + n), "ns"));
            }
            md.append(" |\n");
        }
        int first = sizes[0];
        int last = sizes[sizes.length - 1];
        md.append("| **growth of the median, ").append(String.format(Locale.ROOT, "%,d → %,d", first, last)).append("**");
        String[] views = {"operator's list", "team member's list", "activity feed, team view", "activity feed, client view"};
        List<Report.Target> growthTargets = new ArrayList<>();
        for (int k = 0; k < methods.length; k++) {
            double growth = nanos(measured[k], "p50." + last) / nanos(measured[k], "p50." + first);
            md.append(" | **").append(Report.ratio(growth)).append("**");
            growthTargets.add(new Report.Target("3", "≤ 1.5× growth of the median page latency, 1k → 100k: " + views[k],
                    Report.ratio(growth), sizes.length < 2 || Double.isNaN(growth) ? null : growth <= 1.5,
                    methods[k].equals("memberPage") ? MEMBER_LIST_NOTE : ""));
        }
        md.append(" |\n\nSQL statements per page (Hibernate statistics), cold (permission caches emptied first) / warm:\n\n");
        md.append("| operation |");
        for (int n : sizes) {
            md.append(String.format(Locale.ROOT, " %,d |", n));
        }
        md.append("\n|---|").append("---:|".repeat(sizes.length)).append('\n');
        boolean constant = true;
        for (int op = 0; op < counts.get(0).size(); op++) {
            md.append("| ").append(counts.get(0).get(op).operation()).append(" |");
            for (int s = 0; s < sizes.length; s++) {
                StatementCounts.Count c = counts.get(s).get(op);
                md.append(' ').append(c.cold()).append(" / ").append(c.warm()).append(" |");
                constant &= c.cold() == counts.get(0).get(op).cold() && c.warm() == counts.get(0).get(op).warm();
            }
            md.append('\n');
        }
        md.append("\n- **operator's list**: `kit.workspaces().list(tenantAdmin, page)`, every workspace of the tenant by slug,"
                + " at 256 page positions spread over the whole list (cursors collected by walking it in pages of 500 first).\n"
                + "- **team member's list**: the same call for a team member who belongs to 6 % of the workspaces"
                + " (the memberships are filtered in the same query).\n"
                + "- **activity feed**: `kit.activity().feed(actor, workspace, first page)` of 256 random workspaces"
                + " (22 entries each; clients see 21, the team-only entry is filtered in the query).\n"
                + "- Warm, a page costs one statement for a list and two for a feed (the workspace's existence check and"
                + " the page). Cold, the roster and grants are loaded first.\n");
        report.add(md.toString());
        report.target("3", "constant SQL statements per page from 1k to 100k workspaces",
                constant ? "identical at every size" : "differs between sizes", sizes.length < 2 ? null : constant);
        growthTargets.forEach(report::target);
    }

    // ------------------------------------------------------------------ 4. writes

    private void writes(BenchDatabase db) throws Exception {
        db.createMigrated(Datasets.WRITES_DB);
        try (HikariDataSource ds = BenchDatabase.pool(Datasets.WRITES_DB, 2)) {
            Seeder.load(ds, List.of(new Seeder.TenantData(Datasets.WRITES_TENANT, Datasets.PERMISSIONS_TEAM,
                    2 * Datasets.WRITE_WORKSPACES, true)));
        }
        List<StatementCounts.Count> writeCounts = StatementCounts.writes();
        Jmh appends = Jmh.run(ActivityAppendBenchmark.class, settings, settings.throughput(), null, null, jvmArgs);
        Properties ours = Verification.read(ActivityAppendBenchmark.OURS);
        Properties ceiling = Verification.read(ActivityAppendBenchmark.CEILING);
        double kit = appends.score("kit", Mode.Throughput, null, null);
        double jdbc = appends.score("bareJdbc", Mode.Throughput, null, null);
        String approvalsRow;
        String approvalsNotes;
        List<Report.Target> approvalTargets;
        try {
            ApprovalThroughput.Outcome approvals = ApprovalThroughput.run(settings, jvmArgs);
            approvalsRow = approvals.row();
            approvalsNotes = approvals.notes();
            approvalTargets = approvals.targets();
        } catch (Exception | Error e) {
            e.printStackTrace();
            approvalsRow = "| approval decision | failed in this run: `" + String.valueOf(e).replace('`', '\'') + "` | | | | |\n";
            approvalsNotes = "";
            approvalTargets = List.of(new Report.Target("4", "approval decisions: zero lost writes", "failed", false));
        }
        StringBuilder md = new StringBuilder("## 4. Write throughput with 16 threads\n\n");
        md.append("16 threads on PostgreSQL with durable commits (`synchronous_commit=on`), each operation its own"
                + " transaction, on a pool of 20 connections. Operations per second (mean ± 99.9 % confidence"
                + " half-width). After each run the rows are counted and every activity chain is verified: every"
                + " operation that returned normally must be in the database.\n\n");
        md.append("| operation | ours | bare JDBC ceiling | ours ÷ ceiling | written / counted afterwards | lost |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        md.append(approvalsRow);
        md.append("| activity-log append | ").append(Report.rate(kit, appends.error("kit", Mode.Throughput, null, null))).append(" | ")
                .append(Report.rate(jdbc, appends.error("bareJdbc", Mode.Throughput, null, null))).append(" | ")
                .append(Report.percent(kit / jdbc)).append(" | ")
                .append(facts(ours)).append(" (ceiling: ").append(facts(ceiling)).append(") | ")
                .append(ours.getProperty("lost", "?")).append(" (ceiling: ").append(ceiling.getProperty("lost", "?"))
                .append(") |\n\n");
        md.append(approvalsNotes);
        md.append("- **activity-log append, ours**: an append exactly as the kit's services make one, through the store"
                + " SPI on the JPA stores: in one unit of work lock the workspace row, read the chain's head, link the entry"
                + " (SHA-256 over its canonical JSON), insert it (the store checks that it follows the head). 64 workspaces,"
                + " each thread picks one at random, so appends to one chain queue on its row lock. Chains broken"
                + " afterwards: " + ours.getProperty("brokenChains", "?") + ".\n"
                + "- **activity-log append, ceiling**: the same rows (linked the same way, but with the heads kept in"
                + " memory) inserted by a plain `PreparedStatement` in auto-commit, to another 64 workspaces of the same"
                + " table. It has none of the kit's guarantees (a second writer would fork a chain).\n");
        md.append("\nWhy ours runs at a fraction of the ceiling (there is no numeric target): per operation the ceiling"
                + " sends one insert (three for a decision) and a commit; the kit's append runs "
                + countOf(writeCounts, "activity append") + " statements in its transaction and a decision "
                + countOf(writeCounts, "approval decision") + " (Hibernate statistics: the access check, the row locks"
                + " that keep each chain and each request's record in order, the chain's head read twice, the decision"
                + " record read to compute the outcome, the outbox), each a round trip and work for PostgreSQL and"
                + " Hibernate on the same two cores, and the row locks make writers to one workspace wait for each"
                + " other's commit. What would raise it without giving up a guarantee: drop the second head read inside"
                + " `JpaActivityStore.append` (the caller already holds the workspace lock and the primary key rejects a"
                + " duplicate sequence), and mark outbox events delivered in batches rather than in a transaction of"
                + " their own after each commit.\n");
        report.add(md.toString());
        approvalTargets.forEach(report::target);
        long lost = parse(ours.getProperty("lost"));
        report.target("4", "activity-log appends: zero lost writes", lost < 0 ? "not counted" : lost + " lost of "
                + ours.getProperty("appended"), lost < 0 ? null : lost == 0);
        report.target("4", "activity-log appends vs bare JDBC insert ceiling (no numeric target)", Report.percent(kit / jdbc)
                + " of the ceiling", null);
    }

    private static double nanos(Properties p, String key) {
        try {
            double value = Double.parseDouble(p.getProperty(key));
            return value < 0 ? Double.NaN : value;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String samples(Properties[] measured, int[] sizes) {
        long fewest = Long.MAX_VALUE;
        long most = 0;
        for (Properties p : measured) {
            for (int n : sizes) {
                long count = parse(p.getProperty("n." + n));
                fewest = Math.min(fewest, count);
                most = Math.max(most, count);
            }
        }
        return fewest == most ? String.format(Locale.ROOT, "%,d", fewest)
                : String.format(Locale.ROOT, "%,d to %,d", fewest, most);
    }

    static String facts(Properties p) {
        return String.format(Locale.ROOT, "%,d / %,d", parse(p.getProperty("appended")),
                parse(p.getProperty("rowsAfter")) - parse(p.getProperty("rowsBefore")));
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The benchmarks module: the parent of {@code target/} holding this class's jar or classes. */
    static Path moduleDirectory() {
        try {
            Path location = Path.of(RunAll.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toAbsolutePath().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
