package io.clientworkspace.activity;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.ConflictException;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.MemberEvent;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.support.RecordingListener;
import io.clientworkspace.tenant.TenantEvent;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DomainEventsTest {

    private final Fixture f = Fixture.create();

    private record Case(String operation, Consumer<Fixture> run, List<Class<? extends DomainEvent>> expected) {
    }

    private static List<Case> cases() {
        return List.of(
                new Case("create a tenant", x -> x.kit.tenants().create("Contoso", UserId.of("connie")),
                        List.of(TenantEvent.TenantCreated.class, TenantEvent.TeamMemberChanged.class)),
                new Case("rename the tenant", x -> x.kit.tenants().rename(x.alice, "Northwind & Co", 0),
                        List.of(TenantEvent.TenantRenamed.class)),
                new Case("add a team member", x -> x.kit.tenants().addTeamMember(x.alice, UserId.of("nina"), TenantRole.TEAM_MEMBER),
                        List.of(TenantEvent.TeamMemberChanged.class)),
                new Case("change a team role", x -> x.kit.tenants().changeTeamRole(x.alice, x.tina.userId(), TenantRole.ACCOUNT_MANAGER),
                        List.of(TenantEvent.TeamMemberChanged.class)),
                new Case("remove a team member", x -> x.kit.tenants().removeTeamMember(x.alice, x.tina.userId()),
                        List.of(TenantEvent.TeamMemberRemoved.class)),
                new Case("create a workspace", x -> x.kit.workspaces().create(x.bob, NewWorkspace.of("Initech", "initech")),
                        List.of(WorkspaceEvent.WorkspaceCreated.class, MemberEvent.MemberAdded.class)),
                new Case("rename a workspace", x -> x.kit.workspaces().rename(x.bob, x.acme.id(), "Acme 2", 0),
                        List.of(WorkspaceEvent.WorkspaceUpdated.class)),
                new Case("brand a workspace", x -> x.kit.workspaces().updateBranding(x.bob, x.acme.id(),
                        Branding.none().withAccentColor("#000000"), 0), List.of(WorkspaceEvent.WorkspaceUpdated.class)),
                new Case("relink a workspace", x -> x.kit.workspaces().setExternalRef(x.bob, x.acme.id(), Optional.empty(), 0),
                        List.of(WorkspaceEvent.WorkspaceUpdated.class)),
                new Case("archive a workspace", x -> x.kit.workspaces().archive(x.bob, x.acme.id(), 0),
                        List.of(WorkspaceEvent.WorkspaceArchived.class)),
                new Case("restore a workspace", x -> {
                    x.kit.workspaces().archive(x.bob, x.acme.id(), 0);
                    x.events.clear();
                    x.kit.workspaces().restore(x.bob, x.acme.id(), 1);
                }, List.of(WorkspaceEvent.WorkspaceRestored.class)),
                new Case("add a member", x -> x.kit.members().add(x.bob, x.acme.id(), x.tina.userId(), WorkspaceRole.MEMBER),
                        List.of(MemberEvent.MemberAdded.class)),
                new Case("change a role", x -> x.kit.members().changeRole(x.bob, x.acme.id(), x.dave.userId(),
                        WorkspaceRole.CLIENT_CONTRIBUTOR), List.of(MemberEvent.MemberRoleChanged.class)),
                new Case("remove a member", x -> x.kit.members().remove(x.bob, x.acme.id(), x.dave.userId()),
                        List.of(MemberEvent.MemberRemoved.class)),
                new Case("hand over the lead", x -> x.kit.members().handOverLead(x.bob, x.acme.id(), x.bob.userId(), x.tom.userId()),
                        List.of(MemberEvent.MemberRoleChanged.class, MemberEvent.MemberRoleChanged.class)),
                new Case("invite", x -> x.kit.invitations().invite(x.bob, x.acme.id(),
                        NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_VIEWER)), List.of(MemberEvent.InvitationCreated.class)),
                new Case("accept an invitation", x -> {
                    IssuedInvitation issued = x.kit.invitations().invite(x.bob, x.acme.id(),
                            NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_VIEWER));
                    x.events.clear();
                    x.kit.invitations().accept(x.zach, issued.token());
                }, List.of(MemberEvent.InvitationAccepted.class, MemberEvent.MemberAdded.class)),
                new Case("revoke an invitation", x -> {
                    IssuedInvitation issued = x.kit.invitations().invite(x.bob, x.acme.id(),
                            NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_VIEWER));
                    x.events.clear();
                    x.kit.invitations().revoke(x.bob, x.acme.id(), issued.invitation().id());
                }, List.of(MemberEvent.InvitationRevoked.class)),
                new Case("replace the permission matrix", x -> x.kit.accessPolicies().replaceMatrix(x.alice, PermissionMatrix.defaults()),
                        List.of(MemberEvent.PermissionMatrixChanged.class)),
                new Case("reset the permission matrix", x -> x.kit.accessPolicies().resetMatrix(x.alice),
                        List.of(MemberEvent.PermissionMatrixChanged.class)));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationDeliversItsTypedEvents() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.operation(), () -> {
            Fixture x = Fixture.create();
            x.clock.advance(Duration.ofMinutes(3));

            c.run().accept(x);

            assertThat(x.events.all().stream().<Class<?>>map(Object::getClass).toList()).isEqualTo(List.copyOf(c.expected()));
            assertThat(x.events.all()).allSatisfy(e -> assertThat(e.occurredAt()).isEqualTo(x.clock.instant()));
        }));
    }

    @Test
    void anEventSaysWhoDidWhatWhereAndWhen() {
        f.clock.advance(Duration.ofHours(2));

        f.kit.members().add(f.bob, f.acme.id(), f.tina.userId(), WorkspaceRole.MEMBER);

        assertThat(f.events.ofType(MemberEvent.MemberAdded.class)).singleElement().satisfies(e -> {
            assertThat(e.tenantId()).isEqualTo(f.tenant.id());
            assertThat(e.workspaceId()).contains(f.acme.id());
            assertThat(e.userId()).isEqualTo(f.tina.userId());
            assertThat(e.role()).isEqualTo(WorkspaceRole.MEMBER);
            assertThat(e.actor()).isEqualTo(f.bob);
            assertThat(e.occurredAt()).isEqualTo(f.clock.instant());
            assertThat(e.visibility()).isEqualTo(Visibility.CLIENT);
        });
    }

    @Test
    void invitationEventsAreForTheTeamOnly() {
        IssuedInvitation accepted = f.kit.invitations().invite(f.carol, f.acme.id(), NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_VIEWER));
        f.kit.invitations().accept(f.zach, accepted.token());
        IssuedInvitation revoked = f.kit.invitations().invite(f.bob, f.acme.id(), NewInvitation.of("yara@acme.test", WorkspaceRole.CLIENT_VIEWER));
        f.kit.invitations().revoke(f.bob, f.acme.id(), revoked.invitation().id());

        List<DomainEvent> invitationEvents = f.events.all().stream()
                .filter(e -> e.getClass().getSimpleName().startsWith("Invitation")).toList();
        assertThat(invitationEvents).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("InvitationCreated", "InvitationAccepted", "InvitationCreated", "InvitationRevoked");
        assertThat(invitationEvents).allSatisfy(e -> assertThat(e.visibility()).isEqualTo(Visibility.TEAM));
    }

    @Test
    void workspaceAndMemberEventsAreClientVisibleWhileTenantAndMatrixEventsAreNot() {
        f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme 2", 0);
        f.kit.members().changeRole(f.bob, f.acme.id(), f.dave.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        f.kit.tenants().addTeamMember(f.alice, UserId.of("nina"), TenantRole.TEAM_MEMBER);
        f.kit.accessPolicies().resetMatrix(f.alice);

        assertThat(f.events.all()).extracting(e -> e.getClass().getSimpleName() + ":" + e.visibility())
                .containsExactly("WorkspaceUpdated:CLIENT", "MemberRoleChanged:CLIENT", "TeamMemberChanged:TEAM",
                        "PermissionMatrixChanged:TEAM");
    }

    @Test
    void aRenameOrRebrandEventCarriesNoExternalReferenceSinceClientsMayBeToldOfIt() {
        f.kit.workspaces().setExternalRef(f.bob, f.acme.id(), Optional.of("crm-acme"), 0);
        f.events.clear();

        f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme Holdings", f.acme().version());
        f.kit.workspaces().updateBranding(f.bob, f.acme.id(), Branding.none().withAccentColor("#112233"), f.acme().version());

        assertThat(f.acme().externalRef()).contains("crm-acme");
        assertThat(f.events.ofType(WorkspaceEvent.WorkspaceUpdated.class)).hasSize(2).allSatisfy(e -> {
            assertThat(e.visibility()).isEqualTo(Visibility.CLIENT);
            assertThat(e.previous().externalRef()).isEmpty();
            assertThat(e.current().externalRef()).isEmpty();
        });
    }

    @Test
    void changingTheExternalReferenceIsATeamOnlyEventLikeItsActivityEntry() {
        Workspace before = f.acme();

        f.kit.workspaces().setExternalRef(f.bob, f.acme.id(), Optional.of("crm-acme-2"), 0);

        assertThat(f.events.ofType(WorkspaceEvent.WorkspaceUpdated.class)).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(WorkspaceEvent.Change.EXTERNAL_REF_CHANGED);
            assertThat(e.visibility()).isEqualTo(Visibility.TEAM);
            assertThat(e.previous()).isEqualTo(before);
            assertThat(e.current().externalRef()).contains("crm-acme-2");
        });
        assertThat(f.kit.activity().feed(f.bob, f.acme.id(), io.clientworkspace.PageRequest.first()).items().get(0))
                .satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("workspace.external-ref-changed");
                    assertThat(entry.visibility()).isEqualTo(Visibility.TEAM);
                });
    }

    @Test
    void everyPublishedEventInAWorkspaceLeftTheEntriesItDescribes() {
        f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme 2", 0);
        f.kit.members().handOverLead(f.bob, f.acme.id(), f.bob.userId(), f.tom.userId());
        IssuedInvitation issued = f.kit.invitations().invite(f.tom, f.acme.id(), NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_VIEWER));
        f.kit.invitations().accept(f.zach, issued.token());

        List<String> described = f.events.all().stream().flatMap(e -> e.activity().stream())
                .map(d -> d.action() + " " + d.targetId()).toList();
        List<String> logged = new ArrayList<>(f.kit.activity().feed(f.alice, f.acme.id(), io.clientworkspace.PageRequest.first(described.size()))
                .items().stream().map(e -> e.action() + " " + e.targetId()).toList());
        java.util.Collections.reverse(logged);
        assertThat(logged).isEqualTo(described).hasSize(6);
    }

    @Test
    void listenersRunAfterTheChangeCommitted() {
        Stores stores = InMemoryStores.create();
        java.util.concurrent.atomic.AtomicBoolean fixtureReady = new java.util.concurrent.atomic.AtomicBoolean();
        List<Optional<Workspace>> seenFromAnotherThread = new ArrayList<>();
        Fixture x = Fixture.create(stores, b -> b.listener(event -> {
            if (fixtureReady.get() && event instanceof WorkspaceEvent.WorkspaceCreated created) {
                // Another thread sees only committed data; inside the unit of work it would wait for the lock.
                seenFromAnotherThread.add(CompletableFuture.supplyAsync(() -> stores.workspaces()
                        .find(created.tenantId(), created.workspace())).orTimeout(30, TimeUnit.SECONDS).join());
            }
        }));
        fixtureReady.set(true);

        Workspace created = x.kit.workspaces().create(x.bob, NewWorkspace.of("Initech", "initech"));

        assertThat(seenFromAnotherThread).containsExactly(Optional.of(created));
    }

    @Test
    void listenersAlreadySeeFreshPermissions() {
        List<Boolean> couldView = new ArrayList<>();
        AtomicReference<WorkspaceKit> kit = new AtomicReference<>();
        Fixture x = Fixture.create(b -> b.listener(event -> {
            if (event instanceof MemberEvent.MemberAdded added) {
                couldView.add(kit.get().authorizer().can(io.clientworkspace.Actor.team(added.tenantId(), added.userId().value()),
                        added.workspace(), Permission.VIEW_WORKSPACE));
            }
        }));
        kit.set(x.kit);
        assertThat(x.kit.authorizer().can(x.tina, x.acme.id(), Permission.VIEW_WORKSPACE)).isFalse();

        x.kit.members().add(x.bob, x.acme.id(), x.tina.userId(), WorkspaceRole.MEMBER);

        assertThat(couldView).containsExactly(true);
    }

    @Nested
    class FailedOperations {

        @Test
        void deliverNoEvents() {
            f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme 2", 0);
            f.events.clear();

            f.rejects(ConflictException.class, () -> f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme 3", 0));
            f.rejects(ConflictException.class, () -> f.kit.members().remove(f.bob, f.acme.id(), f.bob.userId()));
            f.rejects(ConflictException.class, () -> f.kit.workspaces().create(f.bob, NewWorkspace.of("Dup", "acme")));
            f.rejects(io.clientworkspace.ValidationException.class,
                    () -> f.kit.workspaces().create(f.bob, NewWorkspace.of("Bad", "B A D")));
            f.rejects(io.clientworkspace.AccessDeniedException.class,
                    () -> f.kit.members().add(f.carol, f.acme.id(), f.zach.userId(), WorkspaceRole.CLIENT_ADMIN));

            assertThat(f.events.all()).isEmpty();
        }
    }

    @Nested
    class AThrowingListener {

        private final RecordingListener after = new RecordingListener();
        private final Fixture x = Fixture.create(b -> b
                .listener(event -> {
                    throw new IllegalStateException("listener broke (on purpose, in a test)");
                })
                .listener(after));

        @Test
        void doesNotBreakTheOperation() {
            Workspace renamed = x.kit.workspaces().rename(x.bob, x.acme.id(), "Acme 2", 0);

            assertThat(renamed.name()).isEqualTo("Acme 2");
            assertThat(x.acme()).isEqualTo(renamed);
        }

        @Test
        void doesNotKeepLaterListenersFromTheirEvents() {
            after.clear();

            x.kit.members().add(x.bob, x.acme.id(), x.tina.userId(), WorkspaceRole.MEMBER);

            assertThat(after.ofType(MemberEvent.MemberAdded.class)).hasSize(1);
            assertThat(x.events.ofType(MemberEvent.MemberAdded.class)).hasSize(1);
        }

        @Test
        void doesNotKeepTheAuthorizerStale() {
            x.kit.members().add(x.bob, x.acme.id(), x.tina.userId(), WorkspaceRole.MEMBER);

            assertThat(x.kit.authorizer().permissions(x.tina, x.acme.id())).contains(Permission.VIEW_INTERNAL);
            assertThat(Set.copyOf(x.kit.authorizer().permissions(x.tina, x.acme.id())))
                    .isEqualTo(PermissionMatrix.defaults().permissionsOf(WorkspaceRole.MEMBER));
        }
    }
}
