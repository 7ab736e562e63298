package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.NewForm;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.TemplateTestData;
import io.clientworkspace.template.CreatedWorkspace;
import io.clientworkspace.template.NewTemplate;
import io.clientworkspace.template.NewWorkspaceFromTemplate;
import io.clientworkspace.template.WorkspaceTemplate;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A tenant with a form and a template of every part on a JPA store set, for the create-from-template tests of this
 * module, and the row count of every table of the kit (to show at the SQL level that nothing was left behind).
 */
final class TemplateWorld {

    static final LocalDate START = LocalDate.of(2030, 3, 4);

    final WorkspaceKit kit;
    final Tenant tenant;
    final Actor alice;
    final WorkspaceTemplate template;

    TemplateWorld(Stores stores) {
        kit = WorkspaceKit.builder().stores(stores).userDirectory((t, u) -> true).build();
        tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        alice = Actor.team(tenant.id(), "alice");
        kit.tenants().addTeamMember(alice, UserId.of("bob"), TenantRole.ACCOUNT_MANAGER);
        kit.tenants().addTeamMember(alice, UserId.of("tom"), TenantRole.TEAM_MEMBER);
        FormDefinition form = kit.forms().define(alice, Optional.empty(), new NewForm("intake", "Intake", java.util.List.of(
                new FormField.ShortText("company", "Company", "", true, 100, Optional.empty()))));
        template = kit.templates().define(alice, new NewTemplate("retainer", "Retainer onboarding",
                TemplateTestData.everyPart(form.id(), UserId.of("bob"), UserId.of("tom"))));
    }

    CreatedWorkspace create(String ref) {
        return kit.templates().createWorkspace(alice, template.id(), OptionalInt.empty(),
                NewWorkspaceFromTemplate.of("Client " + ref, ref, ref, START));
    }

    /** Rows per table of the kit (every {@code cwk_} table but Flyway's history), by lower-case table name. */
    static Map<String, Long> rowCounts(DataSource dataSource) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    String schema = String.valueOf(rs.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
                    if (name.startsWith("cwk_") && !name.equals("cwk_schema_history") && schema.equals("public")) {
                        tables.add(name);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the rows", e);
        }
        return counts;
    }
}
