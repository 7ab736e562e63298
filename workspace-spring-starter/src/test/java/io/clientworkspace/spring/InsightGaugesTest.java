package io.clientworkspace.spring;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link InsightGauges}: per-tenant gauges, computed lazily and reused for the refresh interval. */
class InsightGaugesTest {

    private final AtomicLong ticker = new AtomicLong();
    private final Stores stores = InMemoryStores.create();
    private final InsightGauges gauges = new InsightGauges(stores, Clock.systemUTC(), Duration.ofMinutes(5), ticker::get);
    private final WorkspaceKit kit = WorkspaceKit.builder().stores(stores).listener(gauges)
            .userDirectory((tenant, user) -> true).build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double gauge(String name, Tenant tenant) {
        return registry.get(name).tag("tenant", tenant.id().value()).gauge().value();
    }

    @Test
    void theGaugesOfATenantThatExistedAtStartAreRegistered() {
        Tenant northwind = kit.tenants().create("Northwind", UserId.of("alice"));

        gauges.bindTo(registry);
        gauges.afterSingletonsInstantiated();

        assertThat(registry.find(InsightGauges.WEEKLY_ACTIVE_CLIENTS).tag("tenant", northwind.id().value()).gauge())
                .isNotNull();
        assertThat(registry.find(InsightGauges.NEEDS_ATTENTION).gauges()).hasSize(1);
    }

    @Test
    void aTenantsGaugesAreRegisteredWhenItsFirstWorkspaceIsCreated() {
        gauges.bindTo(registry);
        gauges.afterSingletonsInstantiated();
        Tenant northwind = kit.tenants().create("Northwind", UserId.of("alice"));

        kit.workspaces().create(Actor.team(northwind.id(), "alice"), NewWorkspace.of("Acme", "acme"));

        assertThat(registry.find(InsightGauges.TURNAROUND_MEDIAN).tag("tenant", northwind.id().value()).gauge())
                .isNotNull();
    }

    @Test
    void aClientVisitCountsAsAWeeklyActiveClientOnceTheRefreshIntervalHasPassed() {
        gauges.bindTo(registry);
        gauges.afterSingletonsInstantiated();
        Tenant northwind = kit.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(northwind.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        kit.members().add(alice, acme.id(), UserId.of("carol"), WorkspaceRole.CLIENT_ADMIN);
        assertThat(gauge(InsightGauges.WEEKLY_ACTIVE_CLIENTS, northwind)).isZero();

        kit.insights().recordVisit(Actor.client(northwind.id(), "carol"), acme.id());
        double cached = gauge(InsightGauges.WEEKLY_ACTIVE_CLIENTS, northwind);
        ticker.addAndGet(Duration.ofMinutes(5).toNanos());

        assertThat(cached).isZero();
        assertThat(gauge(InsightGauges.WEEKLY_ACTIVE_CLIENTS, northwind)).isEqualTo(1);
    }

    @Test
    void aWorkspaceWhoseClientsNeverCameCountsAsNeedingAttention() {
        gauges.bindTo(registry);
        gauges.afterSingletonsInstantiated();
        Tenant northwind = kit.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(northwind.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        kit.workspaces().create(alice, NewWorkspace.of("Globex", "globex"));
        kit.members().add(alice, acme.id(), UserId.of("carol"), WorkspaceRole.CLIENT_ADMIN);

        assertThat(gauge(InsightGauges.NEEDS_ATTENTION, northwind)).isEqualTo(1);
    }

    @Test
    void withoutApprovalsTheTurnaroundGaugesAreNotANumber() {
        gauges.bindTo(registry);
        gauges.afterSingletonsInstantiated();
        Tenant northwind = kit.tenants().create("Northwind", UserId.of("alice"));
        kit.workspaces().create(Actor.team(northwind.id(), "alice"), NewWorkspace.of("Acme", "acme"));

        assertThat(gauge(InsightGauges.TURNAROUND_P90, northwind)).isNaN();
    }
}
