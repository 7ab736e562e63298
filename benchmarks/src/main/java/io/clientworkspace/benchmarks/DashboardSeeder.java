package io.clientworkspace.benchmarks;

import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TenantRole;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills a migrated database for the dashboard benchmark straight through PostgreSQL's {@code COPY}: one tenant with
 * its admin and a roster of {@value #TEAM} team users, {@code n} workspaces with {@value #MEMBERS} members each (a
 * lead from the first {@value #LEADS} team users, two team members, two client users) and each workspace's dashboard
 * summary row as the kit's projection would have written it (see {@link #summary}), then refreshes the planner's
 * statistics. Every value is drawn from a random generator seeded with the workspace's number, so every size holds
 * the same mix: the same share of workspaces needs attention, is archived, or is led by a given user, whatever n is.
 */
final class DashboardSeeder {

    static final String TENANT = "agency";
    static final int TEAM = 50;
    /** Leads rotate over the first ten team users: each leads a tenth of the workspaces. */
    static final int LEADS = 10;
    static final int MEMBERS = 5;
    /** The team member whose assigned-to-me page is measured: it leads every tenth workspace. */
    static final String LEAD = Datasets.teamUser(7);

    private static final List<String> LOADED_TABLES = List.of("cwk_tenant", "cwk_team_member", "cwk_workspace",
            "cwk_membership", "cwk_dashboard_summary");
    private static final String[] SUFFIXES = {"Ltd", "GmbH", "Inc", "Studio", "Labs", "Group", "& Co", "Partners"};

    private DashboardSeeder() {
    }

    static String database(int workspaces) {
        return "bench_dash_" + workspaces;
    }

    /** Workspace {@code i}'s name: a made-up company name, distinct words so a search finds few. */
    static String name(int i) {
        SplittableRandom random = new SplittableRandom(31L * i + 7);
        StringBuilder word = new StringBuilder();
        int letters = 6 + random.nextInt(4);
        for (int k = 0; k < letters; k++) {
            char c = (char) ('a' + random.nextInt(26));
            word.append(k == 0 ? Character.toUpperCase(c) : c);
        }
        return word + " " + SUFFIXES[random.nextInt(SUFFIXES.length)];
    }

    /** A search text that finds workspace {@code i} (six letters from the middle of its name's first word). */
    static String searchFor(int i) {
        return name(i).substring(1, 7).toLowerCase(Locale.ROOT);
    }

    static String member(int i, int slot) {
        return switch (slot) {
            case 0 -> Datasets.teamUser(i % LEADS);
            case 1 -> Datasets.teamUser(LEADS + i % (TEAM - LEADS));
            case 2 -> Datasets.teamUser(LEADS + (i + 1) % (TEAM - LEADS));
            default -> "c" + i + "-" + slot;
        };
    }

    static WorkspaceRole role(int slot) {
        return switch (slot) {
            case 0 -> WorkspaceRole.LEAD;
            case 1, 2 -> WorkspaceRole.MEMBER;
            case 3 -> WorkspaceRole.CLIENT_ADMIN;
            default -> WorkspaceRole.CLIENT_CONTRIBUTOR;
        };
    }

    /** Loads {@code n} workspaces as described above; their times are relative to {@code now}. */
    static void load(DataSource ds, int n, Instant now) {
        Seeder.withoutIndexes(ds, LOADED_TABLES, () -> {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE " + String.join(", ", LOADED_TABLES));
                }
                Instant created = now.minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.MICROS);
                Seeder.Copy t = new Seeder.Copy(c, "COPY cwk_tenant (id, name, created_at, version) FROM STDIN WITH (FREEZE)");
                t.row(TENANT, "Tenant " + TENANT, created, 0);
                t.end();
                Seeder.Copy team = new Seeder.Copy(c, "COPY cwk_team_member (tenant_id, user_id, role, added_at, version)"
                        + " FROM STDIN WITH (FREEZE)");
                team.row(TENANT, Datasets.ADMIN, TenantRole.TENANT_ADMIN.name(), created, 0);
                for (int k = 0; k < TEAM; k++) {
                    team.row(TENANT, Datasets.teamUser(k), TenantRole.TEAM_MEMBER.name(), created, 0);
                }
                team.end();
                Seeder.Copy ws = new Seeder.Copy(c, "COPY cwk_workspace (tenant_id, id, slug, name, external_ref, status,"
                        + " created_at, updated_at, version) FROM STDIN WITH (FREEZE)");
                for (int i = 0; i < n; i++) {
                    ws.row(TENANT, Datasets.workspaceId(i), Datasets.slug(i), name(i), "acct-" + i, status(i), created,
                            created, 0);
                }
                ws.end();
                Seeder.Copy members = new Seeder.Copy(c, "COPY cwk_membership (tenant_id, workspace_id, user_id, role,"
                        + " joined_at, version, workspace_slug) FROM STDIN WITH (FREEZE)");
                for (int i = 0; i < n; i++) {
                    for (int slot = 0; slot < MEMBERS; slot++) {
                        members.row(TENANT, Datasets.workspaceId(i), member(i, slot), role(slot).name(), created, 0,
                                Datasets.slug(i));
                    }
                }
                members.end();
                Seeder.Copy summaries = new Seeder.Copy(c, "COPY cwk_dashboard_summary (tenant_id, workspace_id, name,"
                        + " sort_name, slug, external_ref, search_text, status, lead_id, health, pending_approvals,"
                        + " oldest_pending_approval_at, open_requests, oldest_open_request_at, overdue_tasks,"
                        + " overdue_milestones, last_client_activity_at, last_team_activity_at, onboarding_done,"
                        + " onboarding_total, overdue_invoices, open_tickets, client_members, updated_at,"
                        + " client_activity_key, oldest_pending_key) FROM STDIN WITH (FREEZE)");
                for (int i = 0; i < n; i++) {
                    summaries.row(summary(i, now));
                }
                summaries.end();
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not load the dashboard data set of " + n + " workspaces", e);
            }
        });
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not analyze", e);
        }
    }

    private static String status(int i) {
        return new SplittableRandom(i * 17L + 3).nextInt(100) < 5 ? "ARCHIVED" : "ACTIVE";
    }

    /**
     * Workspace {@code i}'s summary row: 30 % have 1 to 3 pending approvals up to 6 days old, 25 % 1 or 2 open
     * requests up to 10 days old, 5 % overdue tasks, 3 % overdue milestones, 90 % client activity within the last
     * 13 days (5 % 15 to 60 days ago, 5 % never), 6 % AT_RISK and 2 % OFF_TRACK, 3 % overdue invoices, 10 % open
     * tickets: about two in five need attention with the default thresholds.
     */
    static Object[] summary(int i, Instant now) {
        SplittableRandom r = new SplittableRandom(1_000_003L * i + 11);
        String name = name(i);
        String slug = Datasets.slug(i);
        String ref = "acct-" + i;
        int pending = r.nextInt(100) < 30 ? 1 + r.nextInt(3) : 0;
        Instant oldestApproval = pending == 0 ? null : ago(now, r, Duration.ofDays(6));
        int requests = r.nextInt(100) < 25 ? 1 + r.nextInt(2) : 0;
        Instant oldestRequest = requests == 0 ? null : ago(now, r, Duration.ofDays(10));
        int overdueTasks = r.nextInt(100) < 5 ? 1 + r.nextInt(3) : 0;
        int overdueMilestones = r.nextInt(100) < 3 ? 1 : 0;
        int activity = r.nextInt(100);
        Instant lastClient = activity < 90 ? ago(now, r, Duration.ofDays(13))
                : activity < 95 ? ago(now.minus(Duration.ofDays(15)), r, Duration.ofDays(45)) : null;
        Instant lastTeam = ago(now, r, Duration.ofDays(7));
        int h = r.nextInt(100);
        String health = h < 6 ? "AT_RISK" : h < 8 ? "OFF_TRACK" : "ON_TRACK";
        int total = 10;
        int done = r.nextInt(total + 1);
        int invoices = r.nextInt(100) < 3 ? 1 : 0;
        int tickets = r.nextInt(100) < 10 ? 1 + r.nextInt(3) : 0;
        Instant oldestPending = oldestApproval == null ? oldestRequest : oldestRequest == null ? oldestApproval
                : oldestApproval.isBefore(oldestRequest) ? oldestApproval : oldestRequest;
        return new Object[] {TENANT, Datasets.workspaceId(i), name, name.toLowerCase(Locale.ROOT), slug, ref,
                name.toLowerCase(Locale.ROOT) + "\n" + slug + "\n" + ref, status(i), member(i, 0), health, pending,
                oldestApproval, requests, oldestRequest, overdueTasks, overdueMilestones, lastClient, lastTeam, done,
                total, invoices, tickets, MEMBERS - 3, now.truncatedTo(ChronoUnit.MICROS),
                lastClient == null ? Long.MIN_VALUE : micros(lastClient),
                oldestPending == null ? Long.MAX_VALUE : micros(oldestPending)};
    }

    /** A time up to {@code range} before {@code now}, to the microsecond. */
    private static Instant ago(Instant now, SplittableRandom r, Duration range) {
        return now.minus(r.nextLong(range.toSeconds() * 1_000_000L), ChronoUnit.MICROS).truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }
}
