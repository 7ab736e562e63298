package io.clientworkspace.spring.autoconfigure;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.tenant.UserDirectory;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spring.WorkspaceMetrics;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WorkspaceMetricsAutoConfiguration}: Micrometer counters fed by the kit's events. */
class WorkspaceMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.ALL)
            .withBean(SimpleMeterRegistry.class)
            .withBean(UserDirectory.class, () -> (tenant, user) -> true);

    private static double count(MeterRegistry registry, String name) {
        return registry.get(name).counter().count();
    }

    /** A tenant and its admin, ready to act. */
    private record Setup(WorkspaceKit kit, MeterRegistry registry, Actor alice) {
        static Setup of(org.springframework.context.ApplicationContext context) {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
            return new Setup(kit, context.getBean(MeterRegistry.class), Actor.team(tenant.id(), "alice"));
        }
    }

    @Test
    void withAMeterRegistryTheKitRegistersItsCountersAtZero() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(WorkspaceMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            for (String name : new String[] {"client.workspace.workspaces.created", "client.workspace.workspaces.archived",
                    "client.workspace.members.added", "client.workspace.members.removed", "client.workspace.invitations.sent",
                    "client.workspace.invitations.accepted"}) {
                assertThat(count(registry, name)).as(name).isZero();
            }
        });
    }

    @Test
    void creatingAWorkspaceCountsAWorkspaceAndItsFirstLead() {
        runner.run(context -> {
            Setup s = Setup.of(context);

            s.kit().workspaces().create(s.alice(), NewWorkspace.of("Acme", "acme"));

            assertThat(count(s.registry(), "client.workspace.workspaces.created")).isEqualTo(1);
            assertThat(count(s.registry(), "client.workspace.members.added")).isEqualTo(1);
        });
    }

    @Test
    void archivingCountsAnArchivedWorkspace() {
        runner.run(context -> {
            Setup s = Setup.of(context);
            Workspace acme = s.kit().workspaces().create(s.alice(), NewWorkspace.of("Acme", "acme"));

            s.kit().workspaces().archive(s.alice(), acme.id(), acme.version());

            assertThat(count(s.registry(), "client.workspace.workspaces.archived")).isEqualTo(1);
        });
    }

    @Test
    void addingAndRemovingMembersAreCounted() {
        runner.run(context -> {
            Setup s = Setup.of(context);
            Workspace acme = s.kit().workspaces().create(s.alice(), NewWorkspace.of("Acme", "acme"));

            s.kit().members().add(s.alice(), acme.id(), UserId.of("jane"), WorkspaceRole.CLIENT_VIEWER);
            s.kit().members().remove(s.alice(), acme.id(), UserId.of("jane"));

            assertThat(count(s.registry(), "client.workspace.members.added")).isEqualTo(2);
            assertThat(count(s.registry(), "client.workspace.members.removed")).isEqualTo(1);
        });
    }

    @Test
    void sendingAndAcceptingInvitationsAreCounted() {
        runner.run(context -> {
            Setup s = Setup.of(context);
            Workspace acme = s.kit().workspaces().create(s.alice(), NewWorkspace.of("Acme", "acme"));

            IssuedInvitation issued = s.kit().invitations().invite(s.alice(), acme.id(),
                    NewInvitation.of("jane@example.com", WorkspaceRole.CLIENT_VIEWER));
            s.kit().invitations().accept(Actor.client(s.alice().tenantId(), "jane"), issued.token());

            assertThat(count(s.registry(), "client.workspace.invitations.sent")).isEqualTo(1);
            assertThat(count(s.registry(), "client.workspace.invitations.accepted")).isEqualTo(1);
            assertThat(count(s.registry(), "client.workspace.members.added")).isEqualTo(2);
        });
    }

    @Test
    void aFailedOperationCountsNothing() {
        runner.run(context -> {
            Setup s = Setup.of(context);
            s.kit().workspaces().create(s.alice(), NewWorkspace.of("Acme", "acme"));

            try {
                s.kit().workspaces().create(s.alice(), NewWorkspace.of("Acme again", "acme"));
            } catch (io.clientworkspace.ConflictException expected) {
                // the slug is taken
            }

            assertThat(count(s.registry(), "client.workspace.workspaces.created")).isEqualTo(1);
        });
    }

    @Test
    void refusalsAreCountedByOutcome() {
        runner.run(context -> {
            WorkspaceMetrics metrics = context.getBean(WorkspaceMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            metrics.denied("not-found");
            metrics.denied("not-found");
            metrics.denied("access-denied");

            assertThat(registry.get("client.workspace.authorization.denials").tag("outcome", "not-found").counter().count())
                    .isEqualTo(2);
            assertThat(registry.get("client.workspace.authorization.denials").tag("outcome", "access-denied").counter().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void theMetricsBackOffWhenTheHostDeclaresItsOwn() {
        runner.withBean("hostMetrics", WorkspaceMetrics.class, () -> new WorkspaceMetrics(new SimpleMeterRegistry()))
                .run(context -> assertThat(context).hasSingleBean(WorkspaceMetrics.class).hasBean("hostMetrics"));
    }
}
