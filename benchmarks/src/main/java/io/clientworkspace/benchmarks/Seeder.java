package io.clientworkspace.benchmarks;

import org.jspecify.annotations.Nullable;
import io.clientworkspace.ActivityId;
import io.clientworkspace.ActorKind;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.tenant.TenantRole;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills the migrated {@code cwk_} tables straight through PostgreSQL's {@code COPY}, with the values
 * the kit itself would write (valid slugs and roles, version 0, a correct SHA-256 chain for every
 * workspace's activity), so that 100,000 workspaces with two million memberships and 2.2 million
 * activity entries load in a minute or two instead of the hours the kit's one-transaction-per-change
 * API would take.
 */
final class Seeder {

    /** The time stamped on seeded rows (microsecond precision, as the kit writes). */
    static final Instant SEEDED_AT = Instant.parse("2026-01-05T09:00:00Z");

    private Seeder() {
    }

    /** One tenant to load: its roster size and its workspaces, with or without their activity chains. */
    record TenantData(String tenant, int teamSize, int workspaces, boolean activity) {
    }

    private static final List<String> LOADED_TABLES = List.of("cwk_tenant", "cwk_team_member", "cwk_workspace",
            "cwk_membership", "cwk_activity");

    /**
     * Replaces the contents of the tenant, roster, workspace, membership and activity tables with the
     * given tenants, each with its admin, a roster of {@code teamSize} team users ({@code team-00} manages
     * accounts), its workspaces with their 20 members and, if asked, their 22-entry activity chains (see
     * {@link Datasets}); then refreshes the planner's statistics.
     *
     * <p>One transaction truncates the tables and {@code COPY}s every row {@code FREEZE} (already
     * visible to all, nothing for vacuum to do later; with {@code wal_level=minimal} nothing to log
     * either), with the indexes dropped and rebuilt afterwards; see {@link #withoutIndexes}.
     */
    static void load(DataSource ds, List<TenantData> tenants) {
        long started = System.nanoTime();
        withoutIndexes(ds, LOADED_TABLES, () -> {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("TRUNCATE " + String.join(", ", LOADED_TABLES));
                }
                Copy t = new Copy(c, "COPY cwk_tenant (id, name, created_at, version) FROM STDIN WITH (FREEZE)");
                for (TenantData d : tenants) {
                    t.row(d.tenant(), "Tenant " + d.tenant(), SEEDED_AT, 0);
                }
                t.end();
                Copy team = new Copy(c, "COPY cwk_team_member (tenant_id, user_id, role, added_at, version) FROM STDIN"
                        + " WITH (FREEZE)");
                for (TenantData d : tenants) {
                    team.row(d.tenant(), Datasets.ADMIN, TenantRole.TENANT_ADMIN.name(), SEEDED_AT, 0);
                    for (int n = 0; n < d.teamSize(); n++) {
                        team.row(d.tenant(), Datasets.teamUser(n),
                                (n == 0 ? TenantRole.ACCOUNT_MANAGER : TenantRole.TEAM_MEMBER).name(), SEEDED_AT, 0);
                    }
                }
                team.end();
                Copy ws = new Copy(c, "COPY cwk_workspace (tenant_id, id, slug, name, external_ref, status, created_at,"
                        + " updated_at, version) FROM STDIN WITH (FREEZE)");
                for (TenantData d : tenants) {
                    for (int i = 0; i < d.workspaces(); i++) {
                        ws.row(d.tenant(), Datasets.workspaceId(i), Datasets.slug(i), "Client " + i,
                                d.activity() ? "acct-" + i : null, "ACTIVE", SEEDED_AT, SEEDED_AT, 0);
                    }
                }
                ws.end();
                // One COPY at a time per connection: the next starts only after the previous ended.
                // Each membership carries its workspace's slug, as the kit's membership store writes it.
                Copy members = new Copy(c, "COPY cwk_membership (tenant_id, workspace_id, user_id, role, joined_at,"
                        + " version, workspace_slug) FROM STDIN WITH (FREEZE)");
                for (TenantData d : tenants) {
                    for (int i = 0; i < d.workspaces(); i++) {
                        for (int slot = 0; slot < Datasets.MEMBERS_PER_WORKSPACE; slot++) {
                            members.row(d.tenant(), Datasets.workspaceId(i), Datasets.member(i, slot, d.teamSize()),
                                    Datasets.role(slot).name(), SEEDED_AT, 0, Datasets.slug(i));
                        }
                    }
                }
                members.end();
                trace("members copied", started);
                Copy log = new Copy(c, "COPY cwk_activity (tenant_id, workspace_id, seq, id, actor_id, actor_kind,"
                        + " action, target_type, target_id, occurred_at, visibility, details, previous_hash, hash)"
                        + " FROM STDIN WITH (FREEZE)");
                for (TenantData d : tenants) {
                    for (int i = 0; d.activity() && i < d.workspaces(); i++) {
                        activityChain(log, d.tenant(), i, d.teamSize());
                    }
                }
                log.end();
                trace("activity copied", started);
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not load " + tenants, e);
            }
        });
        trace("indexes rebuilt", started);
        analyze(ds);
        trace("analyzed", started);
    }

    /** With {@code -Dcwk.bench.seedTimes=true}, prints how long each phase of a load took. */
    private static void trace(String what, long started) {
        if (Boolean.getBoolean("cwk.bench.seedTimes")) {
            System.out.printf("seeding: %s after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Runs a bulk load with the tables' indexes and unique constraints dropped, then puts them back
     * exactly as the migrations defined them (same names, same definitions): building an index once over
     * two million rows is many times faster than updating three indexes row by row.
     */
    static void withoutIndexes(DataSource ds, List<String> tables, SqlWork load) {
        List<String> restore = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                List<String> drops = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE conrelid = '" + table + "'::regclass AND contype IN ('p', 'u')")) {
                    while (rs.next()) {
                        drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(1));
                        restore.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = '"
                        + table + "' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)")) {
                    while (rs.next()) {
                        drops.add("DROP INDEX " + rs.getString(1));
                        restore.add(rs.getString(2));
                    }
                }
                for (String drop : drops) {
                    s.execute(drop);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the indexes before a bulk load", e);
        }
        load.run();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '256MB'");
            for (String sql : restore) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not restore the indexes after a bulk load", e);
        }
    }

    /** The load that runs while the indexes are gone. */
    interface SqlWork {
        void run();
    }

    /** Refreshes the planner's statistics after a bulk load, as autovacuum would shortly after. */
    private static void analyze(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not analyze", e);
        }
    }

    private static void activityChain(Copy log, String tenant, int i, int teamSize) throws SQLException {
        TenantId tenantId = TenantId.of(tenant);
        WorkspaceId workspaceId = WorkspaceId.of(Datasets.workspaceId(i));
        String previous = ActivityChain.GENESIS_HASH;
        long seq = 0;
        ActivityEntry e = entry(tenantId, workspaceId, ++seq, "workspace.created", "workspace", workspaceId.value(),
                Visibility.CLIENT, Map.of("name", "Client " + i, "slug", Datasets.slug(i)), previous);
        log.activity(e);
        previous = e.hash();
        for (int slot = 0; slot < Datasets.MEMBERS_PER_WORKSPACE; slot++) {
            e = entry(tenantId, workspaceId, ++seq, "member.added", "membership", Datasets.member(i, slot, teamSize),
                    Visibility.CLIENT, Map.of("role", Datasets.role(slot).name()), previous);
            log.activity(e);
            previous = e.hash();
        }
        e = entry(tenantId, workspaceId, ++seq, "workspace.external-ref-changed", "workspace", workspaceId.value(),
                Visibility.TEAM, Map.of("externalRef", "acct-" + i), previous);
        log.activity(e);
    }

    private static ActivityEntry entry(TenantId tenant, WorkspaceId workspace, long seq, String action,
                                       String targetType, String targetId, Visibility visibility,
                                       Map<String, String> details, String previousHash) {
        return ActivityChain.link(ActivityId.of("a-" + workspace.value() + "-" + seq), tenant, workspace, seq,
                UserId.of(Datasets.ADMIN), ActorKind.TEAM, action, targetType, targetId, SEEDED_AT.plusMillis(seq),
                visibility, details, previousHash);
    }

    /** One {@code COPY ... FROM STDIN} in PostgreSQL's text format, sent in chunks of about a megabyte. */
    static final class Copy {

        private static final int CHUNK = 1 << 20;

        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);

        Copy(Connection c, String sql) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        void activity(ActivityEntry e) throws SQLException {
            row(e.tenantId().value(), e.workspaceId().value(), e.sequence(), e.id().value(), e.actorId().value(),
                    e.actorKind().name(), e.action(), e.targetType(), e.targetId(), e.occurredAt(),
                    e.visibility().name(), ActivityChain.detailsToJson(e.details()), e.previousHash(), e.hash());
        }

        void row(@Nullable Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    buffer.append("\\N");
                } else {
                    escape(v.toString());
                }
            }
            buffer.append('\n');
            if (buffer.length() >= CHUNK) {
                flush();
            }
        }

        private void escape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(ch);
                }
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        long end() throws SQLException {
            flush();
            return copy.endCopy();
        }
    }
}
