package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/** The starter's auto-configurations, as listed in its {@code AutoConfiguration.imports}, plus the Boot ones tests combine. */
final class KitAutoConfigurations {

    /** Every auto-configuration of the starter. */
    static final AutoConfigurations ALL = AutoConfigurations.of(WorkspaceJpaAutoConfiguration.class,
            WorkspaceJpaStoresAutoConfiguration.class, WorkspaceCheckpointAutoConfiguration.class, WorkspaceAutoConfiguration.class,
            WorkspaceSecurityAutoConfiguration.class, WorkspaceMetricsAutoConfiguration.class,
            WorkspaceHealthAutoConfiguration.class, WorkspaceRestAutoConfiguration.class);

    /** What a servlet host with Spring MVC and Jackson brings. */
    static final AutoConfigurations WEB_MVC = AutoConfigurations.of(
            org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
            org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
            org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class);

    /** What a host with a database, Hibernate and Flyway brings. */
    static final AutoConfigurations JPA = AutoConfigurations.of(
            org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
            org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class,
            org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration.class,
            org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration.class);

    private KitAutoConfigurations() {
    }

    /** Proves the kit works: a tenant, and a workspace created by its admin, read back. */
    static Workspace createAndReadAWorkspace(WorkspaceKit kit) {
        Tenant tenant = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        Workspace created = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme"));
        return kit.workspaces().get(alice, created.id());
    }
}
