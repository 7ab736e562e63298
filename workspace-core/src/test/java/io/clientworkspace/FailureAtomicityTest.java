package io.clientworkspace;

import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.tck.FaultInjection;
import io.clientworkspace.tck.FaultInjection.InjectedFailure;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that fails half-way through an operation (a lost connection, a full disk) leaves nothing of
 * the operation behind: no row, no activity entry, no event, no stale cached permission.
 */
class FailureAtomicityTest {

    private final FaultInjection faults = new FaultInjection();
    private final Fixture f = Fixture.create(faults.wrap(InMemoryStores.create()), b -> { });

    @Nested
    class CreatingAWorkspace {

        @ParameterizedTest
        @ValueSource(strings = {"MembershipStore.insert", "ActivityStore.append:workspace.created", "ActivityStore.append:member.added"})
        void aFailureAtAnyStepLeavesNoWorkspaceMembershipOrActivity(String failingStep) {
            long workspacesBefore = f.stores.workspaces().count(f.tenant.id());
            faults.failOn(failingStep);

            InjectedFailure failure = f.rejects(InjectedFailure.class,
                    () -> f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech").withExternalRef("crm-initech")));

            assertThat(failure).hasMessageContaining(failingStep);
            assertThat(f.stores.workspaces().count(f.tenant.id())).isEqualTo(workspacesBefore);
            assertThat(f.stores.workspaces().findBySlug(f.tenant.id(), "initech")).isEmpty();
            assertThat(f.stores.workspaces().findByExternalRef(f.tenant.id(), "crm-initech")).isEmpty();
            assertThat(f.kit.workspaces().list(f.bob, PageRequest.first()).items()).containsExactly(f.acme());
        }

        @Test
        void theSlugAndReferenceAreFreeAgainAfterAFailure() {
            faults.failOn("MembershipStore.insert");
            f.rejects(InjectedFailure.class,
                    () -> f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech").withExternalRef("crm-initech")));

            Workspace created = f.kit.workspaces().create(f.bob, NewWorkspace.of("Initech", "initech").withExternalRef("crm-initech"));

            assertThat(f.members(created.id())).hasSize(1);
            assertThat(f.log(created.id())).extracting(e -> e.sequence()).containsExactly(1L, 2L);
        }
    }

    @Nested
    class AcceptingAnInvitation {

        private final IssuedInvitation issued = f.kit.invitations().invite(f.bob, f.acme.id(),
                NewInvitation.of("zach@acme.test", WorkspaceRole.CLIENT_ADMIN));

        @ParameterizedTest
        @ValueSource(strings = {"MembershipStore.insert", "ActivityStore.append:invitation.accepted", "ActivityStore.append:member.added"})
        void aFailureAtAnyStepLeavesTheInvitationPendingAndNoMembership(String failingStep) {
            f.events.clear();
            faults.failOn(failingStep);

            f.rejects(InjectedFailure.class, () -> f.kit.invitations().accept(f.zach, issued.token()));

            assertThat(f.roleOf(f.acme.id(), f.zach)).isEmpty();
            assertThat(f.stores.invitations().find(f.tenant.id(), f.acme.id(), issued.invitation().id()))
                    .get().extracting(i -> i.status()).isEqualTo(InvitationStatus.PENDING);
            assertThat(f.kit.authorizer().can(f.zach, f.acme.id(), Permission.VIEW_WORKSPACE)).isFalse();
        }

        @Test
        void theTokenStillWorksOnceTheStoreRecovers() {
            faults.failOn("MembershipStore.insert");
            f.rejects(InjectedFailure.class, () -> f.kit.invitations().accept(f.zach, issued.token()));

            assertThat(f.kit.invitations().accept(f.zach, issued.token()).role()).isEqualTo(WorkspaceRole.CLIENT_ADMIN);
        }
    }

    @Nested
    class ChangingMembers {

        @Test
        void aHandOverThatFailsAfterTheFirstRoleChangeChangesNoRole() {
            faults.failOn("MembershipStore.update", 2);

            f.rejects(InjectedFailure.class,
                    () -> f.kit.members().handOverLead(f.bob, f.acme.id(), f.bob.userId(), f.tom.userId()));

            assertThat(f.roleOf(f.acme.id(), f.bob)).contains(WorkspaceRole.LEAD);
            assertThat(f.roleOf(f.acme.id(), f.tom)).contains(WorkspaceRole.MEMBER);
            assertThat(f.kit.authorizer().can(f.tom, f.acme.id(), Permission.MANAGE_MEMBERS)).isFalse();
        }

        @Test
        void aHandOverThatFailsOnItsLastActivityEntryChangesNoRole() {
            faults.failOn("ActivityStore.append", 2);

            f.rejects(InjectedFailure.class,
                    () -> f.kit.members().handOverLead(f.bob, f.acme.id(), f.bob.userId(), f.tom.userId()));

            assertThat(f.roleOf(f.acme.id(), f.bob)).contains(WorkspaceRole.LEAD);
            assertThat(f.roleOf(f.acme.id(), f.tom)).contains(WorkspaceRole.MEMBER);
        }

        @Test
        void aRemovalWhoseActivityEntryFailsKeepsTheMember() {
            faults.failOn("ActivityStore.append:member.removed");

            f.rejects(InjectedFailure.class, () -> f.kit.members().remove(f.bob, f.acme.id(), f.dave.userId()));

            assertThat(f.roleOf(f.acme.id(), f.dave)).contains(WorkspaceRole.CLIENT_VIEWER);
            assertThat(f.kit.authorizer().can(f.dave, f.acme.id(), Permission.VIEW_WORKSPACE)).isTrue();
        }

        @Test
        void anAdditionWhoseActivityEntryFailsGrantsNothing() {
            assertThat(f.kit.authorizer().can(f.tina, f.acme.id(), Permission.VIEW_WORKSPACE)).isFalse();
            faults.failOn("ActivityStore.append:member.added");

            f.rejects(InjectedFailure.class,
                    () -> f.kit.members().add(f.bob, f.acme.id(), f.tina.userId(), WorkspaceRole.MEMBER));

            assertThat(f.kit.authorizer().can(f.tina, f.acme.id(), Permission.VIEW_WORKSPACE)).isFalse();
        }
    }

    @Test
    void aRenameWhoseActivityEntryFailsKeepsTheOldNameAndVersion() {
        faults.failOn("ActivityStore.append:workspace.renamed");

        f.rejects(InjectedFailure.class, () -> f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme 2", 0));

        assertThat(f.acme()).isEqualTo(f.acme);
        assertThat(f.kit.workspaces().rename(f.bob, f.acme.id(), "Acme 2", 0).version()).isEqualTo(1);
    }

    @Test
    void aTenantWhoseFirstAdminCannotBeStoredIsNotCreated() {
        faults.failOn("TeamStore.insert");

        f.rejects(InjectedFailure.class, () -> f.kit.tenants().create("Contoso", UserId.of("connie")));

        assertThat(f.kit.tenants().list(PageRequest.first()).items()).containsExactly(f.tenant);
    }

    @Test
    void aRosterChangeThatFailsKeepsTheOldRole() {
        faults.failOn("TeamStore.update");

        f.rejects(InjectedFailure.class, () -> f.kit.tenants().changeTeamRole(f.alice, f.tina.userId(),
                io.clientworkspace.tenant.TenantRole.TENANT_ADMIN));

        assertThat(f.kit.authorizer().permissions(f.tina, f.acme.id())).isEmpty();
    }
}
