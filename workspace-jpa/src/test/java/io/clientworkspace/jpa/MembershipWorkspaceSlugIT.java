package io.clientworkspace.jpa;

import io.clientworkspace.NotFoundException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The copy of the workspace's slug that every membership row keeps (for the member's workspace list): the
 * store writes it, a membership cannot exist without its workspace, and migration V3 fills it in for the
 * memberships that existed before.
 */
class MembershipWorkspaceSlugIT {

    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    /** A schema of its own for the migration test, so that the shared tables stay as they are. */
    private static final String SCHEMA = "cwk_v3_backfill";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insertCopiesTheWorkspacesSlugOntoTheMembership(TestDatabase db) throws SQLException {
        db.reset();
        Stores stores = JpaStores.create(db.emf());
        Tenant tenant = stores.tenants().insert(new Tenant(TenantId.of("t1"), "Northwind", AT, 0));
        Workspace acme = stores.workspaces().insert(workspace(tenant.id(), "w1", "acme"));

        stores.memberships().insert(new Membership(tenant.id(), acme.id(), UserId.of("bob"), WorkspaceRole.MEMBER, AT, 0));

        assertThat(slugsOfMemberships(db, "")).containsExactly(Map.entry("w1/bob", "acme"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void insertIntoAWorkspaceThatDoesNotExistInTheTenantIsNotFoundAndWritesNothing(TestDatabase db) throws SQLException {
        db.reset();
        Stores stores = JpaStores.create(db.emf());
        Tenant tenant = stores.tenants().insert(new Tenant(TenantId.of("t1"), "Northwind", AT, 0));
        Tenant other = stores.tenants().insert(new Tenant(TenantId.of("t2"), "Contoso", AT, 0));
        Workspace theirs = stores.workspaces().insert(workspace(other.id(), "w1", "acme"));

        Throwable unknown = catchThrowable(() -> stores.memberships().insert(new Membership(tenant.id(),
                WorkspaceId.of("nowhere"), UserId.of("bob"), WorkspaceRole.MEMBER, AT, 0)));
        Throwable otherTenants = catchThrowable(() -> stores.memberships().insert(new Membership(tenant.id(),
                theirs.id(), UserId.of("bob"), WorkspaceRole.MEMBER, AT, 0)));

        assertThat(unknown).isInstanceOf(NotFoundException.class).hasMessage("workspace 'nowhere' not found");
        assertThat(otherTenants).isInstanceOf(NotFoundException.class).hasMessage("workspace 'w1' not found");
        assertThat(slugsOfMemberships(db, "")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migrationV3FillsInTheSlugOfExistingMembershipsAndRequiresItFromThenOn(TestDatabase db) throws SQLException {
        dropSchema(db);
        try {
            flyway(db).target("2").load().migrate();
            String q = "\"" + SCHEMA + "\".";
            execute(db, "INSERT INTO " + q + "cwk_workspace (tenant_id, id, slug, name, status, created_at, updated_at,"
                    + " version) VALUES ('t1', 'w1', 'acme', 'Acme', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                    + " ('t1', 'w2', 'globex', 'Globex', 'ARCHIVED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0),"
                    + " ('t2', 'w1', 'initech', 'Initech', 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            execute(db, "INSERT INTO " + q + "cwk_membership (tenant_id, workspace_id, user_id, role, joined_at, version)"
                    + " VALUES ('t1', 'w1', 'bob', 'LEAD', CURRENT_TIMESTAMP, 0),"
                    + " ('t1', 'w1', 'carol', 'CLIENT_ADMIN', CURRENT_TIMESTAMP, 0),"
                    + " ('t1', 'w2', 'bob', 'MEMBER', CURRENT_TIMESTAMP, 0),"
                    + " ('t2', 'w1', 'bob', 'LEAD', CURRENT_TIMESTAMP, 0)");

            flyway(db).load().migrate();

            assertThat(slugsOfMemberships(db, q)).containsExactly(Map.entry("t1/w1/bob", "acme"),
                    Map.entry("t1/w1/carol", "acme"), Map.entry("t1/w2/bob", "globex"), Map.entry("t2/w1/bob", "initech"));
            assertThatThrownBy(() -> execute(db, "INSERT INTO " + q + "cwk_membership (tenant_id, workspace_id, user_id,"
                    + " role, joined_at, version) VALUES ('t1', 'w2', 'dave', 'MEMBER', CURRENT_TIMESTAMP, 0)"))
                    .as("a membership without the slug").isInstanceOf(SQLException.class);
            assertThat(indexColumns(db, "ix_cwk_membership_user_slug"))
                    .isEqualToIgnoringCase("tenant_id,user_id,workspace_slug,role,workspace_id");
            assertThat(indexColumns(db, "ix_cwk_membership_user")).as("the index V3 replaces").isEmpty();
        } finally {
            dropSchema(db);
        }
    }

    private static Workspace workspace(TenantId tenant, String id, String slug) {
        return new Workspace(WorkspaceId.of(id), tenant, slug, "Client " + slug, Optional.empty(), Branding.none(),
                WorkspaceStatus.ACTIVE, AT, AT, 0);
    }

    /** The kit's migrations, into {@link #SCHEMA} and its own history table there. */
    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(TestDatabase db) {
        return Flyway.configure().dataSource(db.dataSource())
                .schemas(SCHEMA)
                .locations("classpath:" + db.migrations())
                .table("cwk_schema_history").baselineOnMigrate(true).baselineVersion("0");
    }

    /**
     * "tenant/workspace/user" (or "workspace/user" without a schema prefix, where one tenant is used) to
     * workspace_slug, of every membership row in the order of its key.
     */
    private static Map<String, String> slugsOfMemberships(TestDatabase db, String schemaPrefix) throws SQLException {
        Map<String, String> slugs = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tenant_id, workspace_id, user_id, workspace_slug FROM " + schemaPrefix
                     + "cwk_membership ORDER BY tenant_id, workspace_id, user_id")) {
            while (rs.next()) {
                String key = (schemaPrefix.isEmpty() ? "" : rs.getString(1) + "/") + rs.getString(2) + "/" + rs.getString(3);
                slugs.put(key, rs.getString(4));
            }
        }
        return slugs;
    }

    /** The columns of an index of cwk_membership in {@link #SCHEMA}, comma-separated, or "" if there is none. */
    private static String indexColumns(TestDatabase db, String index) throws SQLException {
        StringBuilder columns = new StringBuilder();
        try (Connection c = db.dataSource().getConnection()) {
            // Unquoted names are lower case in PostgreSQL and upper case in H2; Flyway quotes the schema's.
            for (String table : new String[]{"cwk_membership", "CWK_MEMBERSHIP"}) {
                try (ResultSet rs = c.getMetaData().getIndexInfo(null, SCHEMA, table, false, false)) {
                    while (rs.next()) {
                        if (index.equalsIgnoreCase(rs.getString("INDEX_NAME")) && rs.getString("COLUMN_NAME") != null) {
                            columns.append(columns.isEmpty() ? "" : ",").append(rs.getString("COLUMN_NAME"));
                        }
                    }
                }
            }
        }
        return columns.toString();
    }

    private static void dropSchema(TestDatabase db) throws SQLException {
        execute(db, "DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
