package io.clientworkspace.jpa;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.workspace.Workspace;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.ValidationMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How PostgreSQL runs a page of {@link JpaWorkspaceStore#listForMember} for a team member of 5,000 of
 * 40,000 workspaces: the SQL Hibernate really sends, with its parameters, captured on the way to the driver
 * and run again under {@code EXPLAIN (ANALYZE, FORMAT JSON)}, both as planned for these parameter values and
 * as a generic plan (what a server-side prepared statement ends up with after a few executions).
 *
 * <p>A page must be one range scan of {@value #INDEX} in slug order that stops at the end of the page:
 * no sort, no hash, no other read of the member's memberships, and one primary-key lookup per workspace
 * on the page, so that a page costs the same however many workspaces the member belongs to.
 */
class PostgresMemberListPlanIT {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;
    private static final String INDEX = "ix_cwk_membership_user_slug";
    private static final TenantId TENANT = TenantId.of("plan-tenant");
    private static final UserId MEMBER = UserId.of("team-07");
    private static final int WORKSPACES = 40_000;
    private static final int MEMBER_OF = WORKSPACES / 8;
    /** What {@code WorkspaceService.list} asks for: a default page of 50, and one more to know if there is a next. */
    private static final int PAGE = 51;
    private static final Set<WorkspaceRole> TEAM_ROLES = EnumSet.of(WorkspaceRole.LEAD, WorkspaceRole.MEMBER);

    private static RecordingDataSource recording;
    private static EntityManagerFactory emf;
    private static Stores stores;

    /** A plan as PostgreSQL printed it, and its nodes at every depth. */
    private record Plan(String json, List<PlanNode> nodes) {
        @Override
        public String toString() {
            return json;
        }
    }

    /** One node of a plan. */
    private record PlanNode(String type, String relation, String index, long actualRows, long loops) {
        boolean reads(String table) {
            return table.equals(relation);
        }
    }

    @BeforeAll
    static void seed() throws SQLException {
        DB.reset();
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO cwk_tenant (id, name, created_at, version) VALUES ('" + TENANT.value()
                    + "', 'Plan', now(), 0)");
            // Slugs in an order unrelated to the ids, so that nothing but the slug index can give slug order.
            s.execute("INSERT INTO cwk_workspace (tenant_id, id, slug, name, status, created_at, updated_at, version)"
                    + " SELECT '" + TENANT.value() + "', 'w' || lpad(g::text, 6, '0'),"
                    + " 'client-' || substr(md5(g::text), 1, 20), 'Client ' || g, 'ACTIVE', now(), now(), 0"
                    + " FROM generate_series(1, " + WORKSPACES + ") g");
            // The member leads one workspace in sixteen and is a member of another one in sixteen: 5,000
            // memberships, one workspace in eight (the benchmark's team users belong to 6 %). Every workspace
            // also has an admin as lead and two client users.
            s.execute("INSERT INTO cwk_membership (tenant_id, workspace_id, user_id, role, joined_at, version,"
                    + " workspace_slug)"
                    + " SELECT w.tenant_id, w.id, u.user_id, u.role, now(), 0, w.slug"
                    + " FROM cwk_workspace w CROSS JOIN LATERAL (VALUES"
                    + "   ('admin', 'LEAD'),"
                    + "   (CASE WHEN substr(w.id, 2)::int % 16 = 0 THEN '" + MEMBER.value() + "' END, 'LEAD'),"
                    + "   (CASE WHEN substr(w.id, 2)::int % 16 = 8 THEN '" + MEMBER.value() + "' END, 'MEMBER'),"
                    + "   ('c' || w.id || '-1', 'CLIENT_ADMIN'),"
                    + "   ('c' || w.id || '-2', 'CLIENT_VIEWER')) AS u(user_id, role)"
                    + " WHERE w.tenant_id = '" + TENANT.value() + "' AND u.user_id IS NOT NULL");
            s.execute("ANALYZE cwk_workspace");
            s.execute("ANALYZE cwk_membership");
        }
        recording = new RecordingDataSource(DB.dataSource());
        PersistenceConfiguration config = new PersistenceConfiguration("cwk-member-list-plan")
                .property("hibernate.connection.datasource", recording)
                .property("hibernate.jdbc.time_zone", "UTC")
                .validationMode(ValidationMode.NONE);
        JpaStores.ENTITY_CLASSES.forEach(config::managedClass);
        emf = Persistence.createEntityManagerFactory(config);
        stores = JpaStores.create(emf);
    }

    @AfterAll
    static void tearDown() {
        if (emf != null) {
            emf.close();
        }
        DB.reset();
    }

    @Test
    void theDataHasAMemberOfThousandsOfWorkspaces() throws SQLException {
        assertThat(single("SELECT count(*) FROM cwk_membership WHERE tenant_id = '" + TENANT.value()
                + "' AND user_id = '" + MEMBER.value() + "'")).isEqualTo(MEMBER_OF);
    }

    @Test
    void theFirstPageIsOneRangeOfTheIndexReadOnlyAsFarAsThePageNeeds() throws SQLException {
        RecordingDataSource.Query query = listForMember(Optional.empty());

        assertOneBoundedRangeScan(explain(query));
        assertOneBoundedRangeScan(explainGeneric(query));
    }

    @Test
    void aPageFromTheMiddleOfTheListIsOneRangeOfTheIndexToo() throws SQLException {
        List<String> slugs = memberSlugs();
        RecordingDataSource.Query query = listForMember(Optional.of(slugs.get(MEMBER_OF / 2)));

        assertOneBoundedRangeScan(explain(query));
        assertOneBoundedRangeScan(explainGeneric(query));
    }

    @Test
    void thePagesAreTheMembersWorkspacesInSlugOrder() throws SQLException {
        List<String> slugs = memberSlugs();

        assertThat(page(Optional.empty())).containsExactlyElementsOf(slugs.subList(0, PAGE));
        assertThat(page(Optional.of(slugs.get(MEMBER_OF / 2))))
                .containsExactlyElementsOf(slugs.subList(MEMBER_OF / 2 + 1, MEMBER_OF / 2 + 1 + PAGE));
        assertThat(page(Optional.of(slugs.get(MEMBER_OF - 3)))).containsExactlyElementsOf(slugs.subList(MEMBER_OF - 2, MEMBER_OF));
    }

    private static void assertOneBoundedRangeScan(Plan explained) {
        List<PlanNode> plan = explained.nodes();
        System.out.printf("[member-list-plan] %s%n", plan.stream().map(n -> n.type()
                + (n.index() == null ? "" : " on " + n.index()) + " (" + n.actualRows() + " rows x " + n.loops() + ")")
                .collect(java.util.stream.Collectors.joining(" > ")));
        assertThat(plan).as("nodes of %s", explained).isNotEmpty();
        assertThat(plan).extracting(PlanNode::type).as("no sort or hash (the index gives the order) in %s", explained)
                .doesNotContain("Sort", "Incremental Sort", "Hash", "Hash Join", "Merge Join", "Materialize");
        assertThat(plan).filteredOn(n -> n.reads("cwk_membership")).as("every read of the memberships in %s", explained)
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.type()).isIn("Index Scan", "Index Only Scan");
                    assertThat(n.index()).isEqualTo(INDEX);
                    assertThat(n.actualRows() * n.loops()).as("memberships read").isLessThanOrEqualTo(PAGE);
                });
        assertThat(plan).filteredOn(n -> n.reads("cwk_workspace")).as("every read of the workspaces in %s", explained)
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.type()).isEqualTo("Index Scan");
                    assertThat(n.index()).isEqualTo("pk_cwk_workspace");
                    assertThat(n.actualRows() * n.loops()).as("workspaces read").isLessThanOrEqualTo(PAGE);
                });
    }

    /** Runs the store's query and returns it as the driver got it. */
    private static RecordingDataSource.Query listForMember(Optional<String> after) {
        recording.clear();
        List<Workspace> page = stores.workspaces().listForMember(TENANT, MEMBER, TEAM_ROLES, after, PAGE);
        assertThat(page).isNotEmpty();
        List<RecordingDataSource.Query> queries = recording.queries();
        assertThat(queries).as("statements of one page").hasSize(1);
        return queries.get(0);
    }

    private static List<String> page(Optional<String> after) {
        return stores.workspaces().listForMember(TENANT, MEMBER, TEAM_ROLES, after, PAGE).stream()
                .map(Workspace::slug).toList();
    }

    /** The plan of the query with its parameter values, as executed. */
    private static Plan explain(RecordingDataSource.Query query) throws SQLException {
        try (Connection c = DB.dataSource().getConnection();
             PreparedStatement explain = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + query.sql())) {
            query.bind(explain);
            return nodes(c, jsonOf(explain));
        }
    }

    /**
     * The generic plan of the query (planned once for any parameter values), as executed with its values:
     * the query is prepared server-side, as the driver does after a few executions of the same statement.
     */
    private static Plan explainGeneric(RecordingDataSource.Query query) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : query.sql().toCharArray()) {
            numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        assertThat(n).as("parameters of " + query.sql()).isEqualTo(query.bindings().size());
        // EXECUTE takes its arguments as SQL text, not as bind parameters.
        StringBuilder arguments = new StringBuilder();
        for (RecordingDataSource.Binding b : query.bindings()) {
            Object value = b.args()[1];
            String literal;
            if (value instanceof Number number) {
                literal = number.toString();
            } else if (value instanceof String text) {
                literal = "'" + text.replace("'", "''") + "'";
            } else {
                throw new IllegalStateException("No SQL literal for " + b.setter().getName() + "(" + value + ")");
            }
            arguments.append(arguments.isEmpty() ? "" : ", ").append(literal);
        }
        try (Connection c = DB.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET plan_cache_mode = force_generic_plan");
                s.execute("PREPARE cwk_member_page AS " + numbered);
            }
            try (PreparedStatement explain = c.prepareStatement(
                    "EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE cwk_member_page(" + arguments + ")")) {
                return nodes(c, jsonOf(explain));
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DEALLOCATE cwk_member_page");
                    s.execute("RESET plan_cache_mode");
                }
            }
        }
    }

    private static String jsonOf(PreparedStatement explain) throws SQLException {
        try (ResultSet rs = explain.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** A JSON plan with its nodes at every depth, read by PostgreSQL's own JSON path engine. */
    private static Plan nodes(Connection c, String json) throws SQLException {
        List<PlanNode> nodes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n ->> 'Node Type', n ->> 'Relation Name',"
                + " n ->> 'Index Name', (n ->> 'Actual Rows')::bigint, (n ->> 'Actual Loops')::bigint"
                + " FROM jsonb_path_query(CAST(? AS jsonb), 'strict $.** ? (exists (@.\"Node Type\"))') AS p(n)")) {
            ps.setString(1, json);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(new PlanNode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5)));
                }
            }
        }
        return new Plan(json, nodes);
    }

    /** The slugs of the member's workspaces, in the database's order. */
    private static List<String> memberSlugs() throws SQLException {
        List<String> slugs = new ArrayList<>();
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT w.slug FROM cwk_workspace w JOIN cwk_membership m"
                     + " ON m.tenant_id = w.tenant_id AND m.workspace_id = w.id"
                     + " WHERE w.tenant_id = '" + TENANT.value() + "' AND m.user_id = '" + MEMBER.value() + "'"
                     + " ORDER BY w.slug")) {
            while (rs.next()) {
                slugs.add(rs.getString(1));
            }
        }
        return slugs;
    }

    private static long single(String sql) throws SQLException {
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
