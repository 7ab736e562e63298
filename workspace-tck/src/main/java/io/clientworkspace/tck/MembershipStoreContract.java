package io.clientworkspace.tck;

import io.clientworkspace.UserId;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link MembershipStore}: memberships keyed by (tenant, workspace, user), versions,
 * tenant and workspace scope, ordering by user id and counting by role. Extend it and implement
 * {@link #createStores()}.
 */
public abstract class MembershipStoreContract extends StoreContractSupport {

    private MembershipStore memberships() {
        return stores().memberships();
    }

    private Membership insert(Membership membership) {
        return inUnitOfWork(() -> memberships().insert(membership));
    }

    private Membership update(Membership membership) {
        return inUnitOfWork(() -> memberships().update(membership));
    }

    private void delete(Workspace workspace, UserId userId, long expectedVersion) {
        runInUnitOfWork(() -> memberships().delete(workspace.tenantId(), workspace.id(), userId, expectedVersion));
    }

    private List<Membership> all(Workspace workspace) {
        return memberships().list(workspace.tenantId(), workspace.id(), Optional.empty(), 100);
    }

    /** Inserts {@code count} memberships of the workspace in shuffled order; returns them sorted by user id. */
    private List<Membership> insertShuffled(Workspace workspace, int count) {
        List<Membership> created = new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> data.membership(workspace.tenantId(), workspace.id(),
                        WorkspaceRole.values()[i % WorkspaceRole.values().length]))
                .toList());
        Collections.shuffle(created);
        List<Membership> stored = new ArrayList<>(created.stream().map(this::insert).toList());
        stored.sort(Comparator.comparing(Membership::userId));
        return stored;
    }

    @Test
    void insertStoresVersionZeroWhateverTheArgumentCarries() {
        Workspace workspace = storedWorkspace();

        Membership stored = insert(data.aMembership(workspace.tenantId(), workspace.id()).version(4).build());

        assertThat(stored.version()).isZero();
        assertThat(memberships().find(workspace.tenantId(), workspace.id(), stored.userId()))
                .get().extracting(Membership::version).isEqualTo(0L);
    }

    @Test
    void findReturnsTheInsertedMembership() {
        Workspace workspace = storedWorkspace();
        Membership membership = data.membership(workspace.tenantId(), workspace.id(), WorkspaceRole.LEAD);

        Membership stored = insert(membership);

        assertThat(stored).isEqualTo(membership);
        assertThat(memberships().find(workspace.tenantId(), workspace.id(), membership.userId())).contains(membership);
    }

    @Test
    void findOfANonMemberIsEmpty() {
        Workspace workspace = storedWorkspace();
        storedMembership(workspace, WorkspaceRole.LEAD);

        assertThat(memberships().find(workspace.tenantId(), workspace.id(), data.userId())).isEmpty();
    }

    @Test
    void insertOfAnExistingMemberIsAlreadyExistsAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        Membership first = storedMembership(workspace, WorkspaceRole.CLIENT_VIEWER);

        assertConflict(ALREADY_EXISTS, () -> insert(data.aMembership(workspace.tenantId(), workspace.id())
                .userId(first.userId()).role(WorkspaceRole.CLIENT_ADMIN).build()));

        assertThat(all(workspace)).containsExactly(first);
        assertThat(memberships().countByRole(workspace.tenantId(), workspace.id(), WorkspaceRole.CLIENT_ADMIN)).isZero();
    }

    @Test
    void aUserMayBeAMemberOfSeveralWorkspaces() {
        Tenant tenant = storedTenant();
        Workspace one = storedWorkspace(tenant);
        Workspace two = storedWorkspace(tenant);
        UserId user = data.userId();

        Membership inOne = insert(data.aMembership(tenant.id(), one.id()).userId(user).role(WorkspaceRole.CLIENT_ADMIN).build());
        Membership inTwo = insert(data.aMembership(tenant.id(), two.id()).userId(user).role(WorkspaceRole.CLIENT_VIEWER).build());

        assertThat(memberships().find(tenant.id(), one.id(), user)).contains(inOne);
        assertThat(memberships().find(tenant.id(), two.id(), user)).contains(inTwo);
    }

    @Test
    void updateIncrementsTheVersionAndStoresTheRole() {
        Workspace workspace = storedWorkspace();
        Membership stored = storedMembership(workspace, WorkspaceRole.MEMBER);

        Membership updated = update(stored.withRole(WorkspaceRole.LEAD));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.role()).isEqualTo(WorkspaceRole.LEAD);
        assertThat(updated.joinedAt()).isEqualTo(stored.joinedAt());
        assertThat(memberships().find(workspace.tenantId(), workspace.id(), stored.userId())).contains(updated);
    }

    @Test
    void updateWithStaleVersionIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        Membership stored = storedMembership(workspace, WorkspaceRole.MEMBER);
        Membership current = update(stored.withRole(WorkspaceRole.LEAD));

        assertConflict(STALE_VERSION, () -> update(stored.withRole(WorkspaceRole.MEMBER)));

        assertThat(memberships().find(workspace.tenantId(), workspace.id(), stored.userId())).contains(current);
    }

    @Test
    void updateOfAMissingMembershipIsAStaleVersionConflictAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        Membership missing = data.membership(workspace.tenantId(), workspace.id(), WorkspaceRole.LEAD);

        assertConflict(STALE_VERSION, () -> update(missing));

        assertThat(all(workspace)).isEmpty();
    }

    @Test
    void updateInAnotherWorkspaceIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace other = storedWorkspace(tenant);
        Membership stored = storedMembership(workspace, WorkspaceRole.MEMBER);

        assertConflict(STALE_VERSION, () -> update(data.aMembership(tenant.id(), other.id()).userId(stored.userId())
                .role(WorkspaceRole.LEAD).build()));

        assertThat(all(workspace)).containsExactly(stored);
        assertThat(all(other)).isEmpty();
    }

    @Test
    void updateInAnotherTenantIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        Tenant other = storedTenant();
        Membership stored = storedMembership(workspace, WorkspaceRole.MEMBER);

        assertConflict(STALE_VERSION, () -> update(data.aMembership(other.id(), workspace.id()).userId(stored.userId())
                .role(WorkspaceRole.LEAD).build()));

        assertThat(all(workspace)).containsExactly(stored);
        assertThat(memberships().find(other.id(), workspace.id(), stored.userId())).isEmpty();
    }

    @Test
    void deleteRemovesTheMembership() {
        Workspace workspace = storedWorkspace();
        Membership stored = storedMembership(workspace, WorkspaceRole.CLIENT_ADMIN);
        Membership keep = storedMembership(workspace, WorkspaceRole.LEAD);
        Membership updated = update(stored.withRole(WorkspaceRole.CLIENT_VIEWER));

        delete(workspace, stored.userId(), updated.version());

        assertThat(memberships().find(workspace.tenantId(), workspace.id(), stored.userId())).isEmpty();
        assertThat(all(workspace)).containsExactly(keep);
    }

    @Test
    void aRemovedUserMayJoinAgainAtVersionZero() {
        Workspace workspace = storedWorkspace();
        Membership stored = storedMembership(workspace, WorkspaceRole.CLIENT_ADMIN);
        delete(workspace, stored.userId(), stored.version());

        Membership again = insert(data.aMembership(workspace.tenantId(), workspace.id()).userId(stored.userId())
                .version(2).build());

        assertThat(again.version()).isZero();
        assertThat(all(workspace)).containsExactly(again);
    }

    @Test
    void deleteWithStaleVersionIsAConflictAndKeepsTheMembership() {
        Workspace workspace = storedWorkspace();
        Membership stored = storedMembership(workspace, WorkspaceRole.MEMBER);
        Membership current = update(stored.withRole(WorkspaceRole.LEAD));

        assertConflict(STALE_VERSION, () -> delete(workspace, stored.userId(), stored.version()));

        assertThat(all(workspace)).containsExactly(current);
    }

    @Test
    void deleteOfAMissingMembershipIsAStaleVersionConflict() {
        Workspace workspace = storedWorkspace();
        Membership stored = storedMembership(workspace, WorkspaceRole.MEMBER);

        assertConflict(STALE_VERSION, () -> delete(workspace, data.userId(), 0));

        assertThat(all(workspace)).containsExactly(stored);
    }

    @Test
    void deleteInAnotherWorkspaceOrTenantIsAConflictAndKeepsTheMembership() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        Membership stored = storedMembership(workspace, WorkspaceRole.MEMBER);

        assertConflict(STALE_VERSION, () -> delete(otherWorkspace, stored.userId(), stored.version()));
        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() ->
                memberships().delete(otherTenant.id(), workspace.id(), stored.userId(), stored.version())));

        assertThat(all(workspace)).containsExactly(stored);
    }

    @Test
    void readsWithAnotherTenantOrWorkspaceSeeNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        Membership lead = storedMembership(workspace, WorkspaceRole.LEAD);

        assertThat(memberships().find(tenant.id(), otherWorkspace.id(), lead.userId())).isEmpty();
        assertThat(memberships().find(otherTenant.id(), workspace.id(), lead.userId())).isEmpty();
        assertThat(memberships().list(tenant.id(), otherWorkspace.id(), Optional.empty(), 10)).isEmpty();
        assertThat(memberships().list(otherTenant.id(), workspace.id(), Optional.empty(), 10)).isEmpty();
        assertThat(memberships().countByRole(tenant.id(), otherWorkspace.id(), WorkspaceRole.LEAD)).isZero();
        assertThat(memberships().countByRole(otherTenant.id(), workspace.id(), WorkspaceRole.LEAD)).isZero();
    }

    @Test
    void listOrdersMembersByUserId() {
        Workspace workspace = storedWorkspace();
        List<Membership> sorted = insertShuffled(workspace, 6);

        assertThat(all(workspace)).containsExactlyElementsOf(sorted);
    }

    @Test
    void listStartsStrictlyAfterTheGivenUser() {
        Workspace workspace = storedWorkspace();
        List<Membership> sorted = insertShuffled(workspace, 6);

        assertThat(memberships().list(workspace.tenantId(), workspace.id(), Optional.of(sorted.get(3).userId()), 10))
                .containsExactlyElementsOf(sorted.subList(4, 6));
    }

    @Test
    void listReturnsAtMostLimitMemberships() {
        Workspace workspace = storedWorkspace();
        List<Membership> sorted = insertShuffled(workspace, 6);

        assertThat(memberships().list(workspace.tenantId(), workspace.id(), Optional.empty(), 4))
                .containsExactlyElementsOf(sorted.subList(0, 4));
    }

    @Test
    void walkingAllPagesYieldsEveryMembershipOnceInOrder() {
        Workspace workspace = storedWorkspace();
        List<Membership> sorted = insertShuffled(workspace, 11);

        List<Membership> walked = new ArrayList<>();
        Optional<UserId> after = Optional.empty();
        while (true) {
            List<Membership> page = memberships().list(workspace.tenantId(), workspace.id(), after, 5);
            assertThat(page).hasSizeLessThanOrEqualTo(5);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            after = Optional.of(page.get(page.size() - 1).userId());
        }

        assertThat(walked).containsExactlyElementsOf(sorted);
    }

    @Test
    void listShowsOnlyTheWorkspacesMembers() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace other = storedWorkspace(tenant);
        List<Membership> mine = insertShuffled(workspace, 3);
        List<Membership> theirs = insertShuffled(other, 4);

        assertThat(all(workspace)).containsExactlyElementsOf(mine);
        assertThat(all(other)).containsExactlyElementsOf(theirs);
    }

    @Test
    void countByRoleCountsTheMembersHoldingThatRole() {
        Workspace workspace = storedWorkspace();
        Membership lead = storedMembership(workspace, WorkspaceRole.LEAD);
        storedMembership(workspace, WorkspaceRole.LEAD);
        Membership member = storedMembership(workspace, WorkspaceRole.MEMBER);
        storedMembership(workspace, WorkspaceRole.CLIENT_VIEWER);

        assertThat(memberships().countByRole(workspace.tenantId(), workspace.id(), WorkspaceRole.LEAD)).isEqualTo(2);
        assertThat(memberships().countByRole(workspace.tenantId(), workspace.id(), WorkspaceRole.MEMBER)).isEqualTo(1);
        assertThat(memberships().countByRole(workspace.tenantId(), workspace.id(), WorkspaceRole.CLIENT_ADMIN)).isZero();

        update(lead.withRole(WorkspaceRole.MEMBER));
        delete(workspace, member.userId(), member.version());

        assertThat(memberships().countByRole(workspace.tenantId(), workspace.id(), WorkspaceRole.LEAD)).isEqualTo(1);
        assertThat(memberships().countByRole(workspace.tenantId(), workspace.id(), WorkspaceRole.MEMBER)).isEqualTo(1);
        assertThat(memberships().countByRole(workspace.tenantId(), workspace.id(), WorkspaceRole.CLIENT_VIEWER)).isEqualTo(1);
    }

    @Test
    void countByRoleIgnoresOtherWorkspaces() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace other = storedWorkspace(tenant);
        storedMembership(workspace, WorkspaceRole.LEAD);
        storedMembership(other, WorkspaceRole.LEAD);
        storedMembership(other, WorkspaceRole.LEAD);

        assertThat(memberships().countByRole(tenant.id(), workspace.id(), WorkspaceRole.LEAD)).isEqualTo(1);
    }

    @Test
    void concurrentInsertsOfOneMemberLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        UserId user = data.userId();

        Concurrently.Outcomes<Membership> outcomes = Concurrently.run(i -> insert(data.aMembership(workspace.tenantId(),
                workspace.id()).userId(user).role(i % 2 == 0 ? WorkspaceRole.CLIENT_ADMIN : WorkspaceRole.CLIENT_VIEWER)
                .build()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(ALREADY_EXISTS, failure));
        assertThat(all(workspace)).containsExactly(outcomes.successes().get(0));
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        Membership stored = storedMembership(workspace, WorkspaceRole.CLIENT_VIEWER);

        Concurrently.Outcomes<Membership> outcomes = Concurrently.run(i -> update(stored.withRole(
                i % 2 == 0 ? WorkspaceRole.CLIENT_ADMIN : WorkspaceRole.CLIENT_CONTRIBUTOR)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(all(workspace)).containsExactly(outcomes.successes().get(0));
    }

    @Test
    void concurrentDeletesOfOneVersionLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        Membership stored = storedMembership(workspace, WorkspaceRole.CLIENT_VIEWER);

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i -> {
            delete(workspace, stored.userId(), stored.version());
            return true;
        });

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(all(workspace)).isEmpty();
    }
}
