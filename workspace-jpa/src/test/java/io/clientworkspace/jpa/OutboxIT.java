package io.clientworkspace.jpa;

import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.UnitOfWork;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Domain events reach listeners at least once after commit, also when the process dies in between. */
class OutboxIT {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsAreDeliveredAfterCommitAndMarkedDelivered(TestDatabase db) {
        db.reset();
        List<DomainEvent> received = new CopyOnWriteArrayList<>();
        WorkspaceKit kit = WorkspaceKit.builder().stores(JpaStores.create(db.emf())).listener(received::add).build();

        runScenario(kit);

        assertThat(received).isNotEmpty();
        assertThat(kit.relayUndeliveredEvents(Duration.ZERO, 1000)).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsCommittedButNeverDeliveredAreRelayedAfterARestart(TestDatabase db) {
        db.reset();
        List<DomainEvent> live = new CopyOnWriteArrayList<>();
        List<DomainEvent> reference = new CopyOnWriteArrayList<>();
        Stores crashing = crashAfterCommit(JpaStores.create(db.emf()));
        WorkspaceKit dying = WorkspaceKit.builder().stores(crashing).listener(live::add).build();

        runScenario(dying);
        assertThat(live).as("the process 'died' after each commit, before delivery").isEmpty();

        WorkspaceKit restarted = WorkspaceKit.builder().stores(JpaStores.create(db.emf())).listener(reference::add).build();
        int relayed = restarted.relayUndeliveredEvents(Duration.ZERO, 1000);

        assertThat(relayed).isEqualTo(reference.size()).isGreaterThan(5);
        assertThat(reference).extracting(e -> e.getClass().getSimpleName())
                .contains("TenantCreated", "WorkspaceCreated", "MemberAdded", "WorkspaceUpdated", "InvitationCreated",
                        "InvitationAccepted");
        assertThat(restarted.relayUndeliveredEvents(Duration.ZERO, 1000)).as("delivered once, then marked").isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void relayedEventsAreEqualToTheStagedOnesTypeAndContent(TestDatabase db) {
        db.reset();
        List<DomainEvent> live = new CopyOnWriteArrayList<>();
        WorkspaceKit healthy = WorkspaceKit.builder().stores(JpaStores.create(db.emf())).listener(live::add).build();
        runScenario(healthy);
        db.reset();

        Stores stores = JpaStores.create(db.emf());
        stores.unitOfWork().execute(() -> stores.outbox().orElseThrow().stage(live));
        List<DomainEvent> relayed = new CopyOnWriteArrayList<>();
        stores.outbox().orElseThrow().relay(java.time.Instant.now().plusSeconds(3600), 1000, relayed::add);

        assertThat(relayed).containsExactlyElementsOf(live);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsOfAFailedOperationAreNeverStagedNorDelivered(TestDatabase db) {
        db.reset();
        List<DomainEvent> received = new CopyOnWriteArrayList<>();
        WorkspaceKit kit = WorkspaceKit.builder().stores(JpaStores.create(db.emf())).listener(received::add).build();
        Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        received.clear();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> kit.workspaces().create(alice, NewWorkspace.of("Acme again", "acme")))).isNotNull();

        assertThat(received).isEmpty();
        assertThat(kit.relayUndeliveredEvents(Duration.ZERO, 1000)).isZero();
    }

    private static void runScenario(WorkspaceKit kit) {
        Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        Actor alice = Actor.team(tenant.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme", "acme"));
        acme = kit.workspaces().updateBranding(alice, acme.id(), Branding.none().withAccentColor("#112233"), acme.version());
        IssuedInvitation invite = kit.invitations().invite(alice, acme.id(),
                NewInvitation.of("carol@acme.test", WorkspaceRole.CLIENT_ADMIN));
        kit.invitations().accept(Actor.client(tenant.id(), "carol"), invite.token());
    }

    /** Stores whose after-commit actions never run: the process "dies" right after every commit. */
    private static Stores crashAfterCommit(Stores stores) {
        UnitOfWork real = stores.unitOfWork();
        UnitOfWork dying = new UnitOfWork() {
            @Override
            public <T> T execute(Supplier<T> work) {
                return real.execute(work);
            }

            @Override
            public void afterCommit(Runnable action) {
                // lost with the process
            }
        };
        return stores.withUnitOfWork(dying);
    }
}
