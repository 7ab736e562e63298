package io.clientworkspace.benchmarks;

import io.clientworkspace.Actor;
import io.clientworkspace.ActorKind;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Authorizer;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.MembershipStore;
import org.casbin.jcasbin.main.CachedEnforcer;
import org.casbin.jcasbin.main.Enforcer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Benchmark 1: one permission check ("may this user do X in this workspace?"), for tenants with 360,
 * 3,600 and 36,000 role assignments (18, 180 and 1,800 workspaces of 20 members), cycling through one
 * check per assignment in a fixed random order, so that a larger data set really touches a larger
 * cache. The runner runs it twice: in sample mode (JMH times a sample of single calls; medians and tails,
 * which hold up better than means on a machine shared with other work, but each timed call carries the
 * timer's own overhead) and, without {@code oursCold}, in average-time mode (the mean over many calls,
 * no per-call timer), from which the ratios between the contenders are computed.
 *
 * <p>Every answer is checked before timing: the kit's warm answers and jCasbin's must equal
 * {@link #expected} for every check, and each writes a digest of its answers to a verification file
 * that the runner compares, so that the contenders provably answer the same questions the same way.
 *
 * <ul>
 *   <li>{@link #oursWarm}: {@code Authorizer.can} on the JPA stores with its answers cached (steady state);</li>
 *   <li>{@link #oursCold}: the same with every cache of the authorizer sized 0, so that each check reads
 *       the roster (team users), the membership and the permission matrix from PostgreSQL: the worst case,
 *       right after a start or a change;</li>
 *   <li>{@link #uncachedJpaLookup}: what a host would write by hand without a cache: one
 *       {@code MembershipStore.find} on PostgreSQL, then the default matrix in memory;</li>
 *   <li>{@link #jcasbin}: jCasbin's {@code Enforcer} with an RBAC-with-domains model (domain = workspace)
 *       loaded with the same assignments and the default permission matrix as policies;</li>
 *   <li>{@link #jcasbinCached}: jCasbin's {@code CachedEnforcer}, warm, for a like-for-like cached comparison;</li>
 *   <li>{@link #harnessOnly}: the harness alone, as a reference for what the others pay around the check.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class PermissionCheckBenchmark {

    /** One check, in both vocabularies. */
    record Check(Actor actor, WorkspaceId workspace, Permission permission, WorkspaceRole role, String user,
                 String domain, String action) {
    }

    /** The data set size and its checks: one per role assignment, random permission, shuffled. */
    @State(Scope.Benchmark)
    public static class Checks {

        @Param({"360", "3600", "36000"})
        public int assignments;

        TenantId tenant;
        Check[] checks;

        @Setup(Level.Trial)
        public void setUp() {
            tenant = TenantId.of(Datasets.permissionTenant(assignments));
            Random random = new Random(42);
            Permission[] permissions = Permission.values();
            List<Check> list = new ArrayList<>(assignments);
            for (int i = 0; i < assignments / Datasets.MEMBERS_PER_WORKSPACE; i++) {
                for (int slot = 0; slot < Datasets.MEMBERS_PER_WORKSPACE; slot++) {
                    String user = Datasets.member(i, slot, Datasets.PERMISSIONS_TEAM);
                    Actor actor = Datasets.role(slot).isClientRole() ? Actor.client(tenant, user) : Actor.team(tenant, user);
                    Permission permission = permissions[random.nextInt(permissions.length)];
                    String workspace = Datasets.workspaceId(i);
                    list.add(new Check(actor, WorkspaceId.of(workspace), permission, Datasets.role(slot), user, workspace,
                            permission.name()));
                }
            }
            Collections.shuffle(list, random);
            checks = list.toArray(Check[]::new);
        }
    }

    /** Where this thread is in the cycle of checks. */
    @State(Scope.Thread)
    public static class Position {
        int next;

        Check next(Checks checks) {
            Check check = checks.checks[next];
            if (++next == checks.checks.length) {
                next = 0;
            }
            return check;
        }
    }

    /**
     * The kit on PostgreSQL with its caches filled with every answer before timing. They keep answers 30
     * minutes rather than the default 30 seconds, so that filling 36,000 of them on a slow machine does
     * not outlast them: this measures the cache hit.
     */
    @State(Scope.Benchmark)
    public static class Warm {
        JpaKit db;
        Authorizer authorizer;

        @Setup(Level.Trial)
        public void setUp(Checks checks) throws Exception {
            db = JpaKit.open(Datasets.PERMISSIONS_DB, JpaKit.WARM, 8, false);
            authorizer = db.kit().authorizer();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            boolean[] answers = new boolean[checks.checks.length];
            try {
                List<Future<Boolean>> done = new ArrayList<>();
                for (Check check : checks.checks) {
                    done.add(pool.submit(() -> authorizer.can(check.actor(), check.workspace(), check.permission())));
                }
                for (int k = 0; k < answers.length; k++) {
                    answers[k] = done.get(k).get();
                }
            } finally {
                pool.shutdown();
            }
            // Asked again, now from the cache: the timed path must give the same answers as the load.
            for (int k = 0; k < answers.length; k++) {
                Check c = checks.checks[k];
                if (authorizer.can(c.actor(), c.workspace(), c.permission()) != answers[k]) {
                    throw new IllegalStateException("the kit's cached answer differs from its first one for " + c);
                }
            }
            verify("kit", checks, answers);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            db.close();
        }
    }

    /** The kit on PostgreSQL with every cache of the authorizer sized 0. */
    @State(Scope.Benchmark)
    public static class Cold {
        JpaKit db;

        @Setup(Level.Trial)
        public void setUp() {
            db = JpaKit.open(Datasets.PERMISSIONS_DB, new Authorizer.CacheSettings(0, Duration.ofSeconds(30)), 4, false);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            db.close();
        }
    }

    /** The JPA membership store alone and the default matrix. */
    @State(Scope.Benchmark)
    public static class Direct {
        JpaKit db;
        MembershipStore memberships;
        PermissionMatrix matrix = PermissionMatrix.defaults();

        @Setup(Level.Trial)
        public void setUp() {
            db = JpaKit.open(Datasets.PERMISSIONS_DB, Authorizer.CacheSettings.defaults(), 4, false);
            memberships = db.stores().memberships();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            db.close();
        }
    }

    /** jCasbin loaded from a model file and a policy file with the same assignments. */
    @State(Scope.Benchmark)
    public static class Casbin {
        Enforcer enforcer;

        @Setup(Level.Trial)
        public void setUp(Checks checks) {
            enforcer = new Enforcer(CasbinFiles.model(), CasbinFiles.policy(checks.assignments), false);
            check(enforcer, checks, "jcasbin");
        }
    }

    /** jCasbin's caching enforcer, warmed with every check. */
    @State(Scope.Benchmark)
    public static class CasbinCached {
        CachedEnforcer enforcer;

        @Setup(Level.Trial)
        public void setUp(Checks checks) {
            enforcer = new CachedEnforcer(CasbinFiles.model(), CasbinFiles.policy(checks.assignments), false);
            check(enforcer, checks, "jcasbinCached");
        }
    }

    /** The policy engine's answers, each checked (and their digest written) like the kit's. */
    private static void check(Enforcer enforcer, Checks checks, String name) {
        // Fails the run if the policy engine does not give the kit's answers: otherwise we would time a different question.
        boolean[] answers = new boolean[checks.checks.length];
        for (int k = 0; k < answers.length; k++) {
            Check c = checks.checks[k];
            answers[k] = enforcer.enforce(c.user(), c.domain(), c.action());
        }
        verify(name, checks, answers);
    }

    /**
     * The answer the kit must give, derived by the kit's own rules (see {@code Authorizer}) for these data
     * sets: a team actor must be on the tenant's roster (team users {@code team-00} to {@code team-19} are; no
     * tenant admin is ever asked about), the membership's role must be of the actor's own kind, a team-only
     * permission is never a client's, and then the tenant's matrix decides (the default one: none is stored).
     */
    static boolean expected(Check c) {
        if (c.actor().kind() == ActorKind.TEAM && !ROSTER.contains(c.user())) {
            return false;
        }
        if (c.role().kind() != c.actor().kind()) {
            return false;
        }
        if (c.permission().teamOnly() && c.actor().kind() != ActorKind.TEAM) {
            return false;
        }
        return PermissionMatrix.defaults().grants(c.role(), c.permission());
    }

    private static final Set<String> ROSTER = IntStream.range(0, Datasets.PERMISSIONS_TEAM)
            .mapToObj(Datasets::teamUser).collect(Collectors.toUnmodifiableSet());

    /**
     * Fails unless every answer is {@link #expected} and there are both grants and denials; writes the
     * answers' digest to the verification file {@code permission-answers-NAME-SIZE} for the runner to compare.
     */
    static void verify(String name, Checks checks, boolean[] answers) {
        long granted = 0;
        byte[] bits = new byte[answers.length];
        for (int k = 0; k < answers.length; k++) {
            Check c = checks.checks[k];
            if (answers[k] != expected(c)) {
                throw new IllegalStateException(name + " answers " + answers[k] + " for " + c + ", expected " + !answers[k]);
            }
            granted += answers[k] ? 1 : 0;
            bits[k] = (byte) (answers[k] ? 1 : 0);
        }
        if (granted == 0 || granted == answers.length) {
            throw new IllegalStateException(name + ": all " + answers.length + " answers are " + (granted > 0)
                    + "; the checks must mix grants and denials");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("checks", answers.length);
        facts.put("granted", granted);
        facts.put("denied", answers.length - granted);
        try {
            facts.put("digest", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bits)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Verification.write(answersFile(name, checks.assignments), facts);
    }

    /** The verification file with the answers of {@code name} ("kit", "jcasbin", "jcasbinCached") at one size. */
    static String answersFile(String name, int assignments) {
        return "permission-answers-" + name + "-" + assignments;
    }

    /**
     * No check at all: only what the harness does around one, fetching the next check and touching the
     * same id objects a check hashes. It shows how much of a warm check's time at each size is the
     * harness's own memory traffic.
     */
    @Benchmark
    public int harnessOnly(Checks checks, Position position) {
        Check c = position.next(checks);
        return c.actor().tenantId().value().hashCode() ^ c.actor().userId().value().hashCode()
                ^ c.workspace().value().hashCode() ^ c.actor().kind().ordinal() ^ c.permission().ordinal();
    }

    @Benchmark
    public boolean oursWarm(Checks checks, Position position, Warm warm) {
        Check c = position.next(checks);
        return warm.authorizer.can(c.actor(), c.workspace(), c.permission());
    }

    @Benchmark
    public boolean oursCold(Checks checks, Position position, Cold cold) {
        Check c = position.next(checks);
        return cold.db.kit().authorizer().can(c.actor(), c.workspace(), c.permission());
    }

    @Benchmark
    public boolean uncachedJpaLookup(Checks checks, Position position, Direct direct) {
        Check c = position.next(checks);
        return direct.memberships.find(checks.tenant, c.workspace(), c.actor().userId())
                .map(Membership::role)
                .filter(role -> role.kind() == c.actor().kind())
                .map(role -> direct.matrix.grants(role, c.permission()))
                .orElse(false);
    }

    @Benchmark
    public boolean jcasbin(Checks checks, Position position, Casbin casbin) {
        Check c = position.next(checks);
        return casbin.enforcer.enforce(c.user(), c.domain(), c.action());
    }

    @Benchmark
    public boolean jcasbinCached(Checks checks, Position position, CasbinCached casbin) {
        Check c = position.next(checks);
        return casbin.enforcer.enforce(c.user(), c.domain(), c.action());
    }

    /** The jCasbin model and policy files, written once per JVM and size. */
    static final class CasbinFiles {

        /**
         * RBAC with domains: {@code g = user, role, workspace}; a policy grants a role an action in every
         * domain ({@code *}). The cheap action comparison comes first so that the matcher short-circuits
         * before the role lookup, which is the fastest way to write this matcher.
         */
        static final String MODEL = """
                [request_definition]
                r = sub, dom, act

                [policy_definition]
                p = sub, dom, act

                [role_definition]
                g = _, _, _

                [policy_effect]
                e = some(where (p.eft == allow))

                [matchers]
                m = r.act == p.act && g(r.sub, p.sub, r.dom) && (p.dom == "*" || r.dom == p.dom)
                """;

        private CasbinFiles() {
        }

        static synchronized String model() {
            return write("cwk-casbin-model", ".conf", MODEL);
        }

        /** The number of {@code p} policies: one per permission each role holds in the default matrix. */
        static int policies() {
            PermissionMatrix matrix = PermissionMatrix.defaults();
            int count = 0;
            for (WorkspaceRole role : WorkspaceRole.values()) {
                count += matrix.permissionsOf(role).size();
            }
            return count;
        }

        static synchronized String policy(int assignments) {
            StringBuilder csv = new StringBuilder();
            PermissionMatrix matrix = PermissionMatrix.defaults();
            for (WorkspaceRole role : WorkspaceRole.values()) {
                for (Permission permission : matrix.permissionsOf(role)) {
                    csv.append("p, ").append(role.name()).append(", *, ").append(permission.name()).append('\n');
                }
            }
            for (int i = 0; i < assignments / Datasets.MEMBERS_PER_WORKSPACE; i++) {
                for (int slot = 0; slot < Datasets.MEMBERS_PER_WORKSPACE; slot++) {
                    csv.append("g, ").append(Datasets.member(i, slot, Datasets.PERMISSIONS_TEAM)).append(", ")
                            .append(Datasets.role(slot).name()).append(", ").append(Datasets.workspaceId(i)).append('\n');
                }
            }
            return write("cwk-casbin-policy-" + assignments, ".csv", csv.toString());
        }

        private static String write(String prefix, String suffix, String content) {
            try {
                Path directory = Verification.work().resolve("casbin");
                Files.createDirectories(directory);
                Path file = Files.createTempFile(directory, prefix, suffix);
                file.toFile().deleteOnExit();
                Files.writeString(file, content);
                return file.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
