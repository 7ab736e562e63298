package io.clientworkspace.tck;

import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.tenant.TeamMember;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.TenantRole;
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
 * The contract of {@link TeamStore}: roster entries keyed by (tenant, user), versions, tenant scope,
 * ordering by user id and counting by role. Extend it and implement {@link #createStores()}.
 */
public abstract class TeamStoreContract extends StoreContractSupport {

    private TeamStore team() {
        return stores().team();
    }

    private TeamMember insert(TeamMember member) {
        return inUnitOfWork(() -> team().insert(member));
    }

    private TeamMember update(TeamMember member) {
        return inUnitOfWork(() -> team().update(member));
    }

    private void delete(TenantId tenantId, UserId userId, long expectedVersion) {
        runInUnitOfWork(() -> team().delete(tenantId, userId, expectedVersion));
    }

    /** Inserts {@code count} roster entries of the tenant in shuffled order; returns them sorted by user id. */
    private List<TeamMember> insertShuffled(TenantId tenantId, int count) {
        List<TeamMember> members = new ArrayList<>(IntStream.range(0, count)
                .mapToObj(i -> data.teamMember(tenantId, TenantRole.values()[i % TenantRole.values().length]))
                .toList());
        Collections.shuffle(members);
        List<TeamMember> stored = new ArrayList<>(members.stream().map(this::insert).toList());
        stored.sort(Comparator.comparing(TeamMember::userId));
        return stored;
    }

    @Test
    void insertStoresVersionZeroWhateverTheArgumentCarries() {
        Tenant tenant = storedTenant();

        TeamMember stored = insert(data.aTeamMember(tenant.id()).version(5).build());

        assertThat(stored.version()).isZero();
        assertThat(team().find(tenant.id(), stored.userId())).get().extracting(TeamMember::version).isEqualTo(0L);
    }

    @Test
    void findReturnsTheInsertedEntry() {
        Tenant tenant = storedTenant();
        TeamMember member = data.teamMember(tenant.id(), TenantRole.ACCOUNT_MANAGER);

        TeamMember stored = insert(member);

        assertThat(stored).isEqualTo(member);
        assertThat(team().find(tenant.id(), member.userId())).contains(member);
    }

    @Test
    void findOfAUserNotOnTheRosterIsEmpty() {
        Tenant tenant = storedTenant();
        insert(data.teamMember(tenant.id(), TenantRole.TENANT_ADMIN));

        assertThat(team().find(tenant.id(), data.userId())).isEmpty();
    }

    @Test
    void insertOfAUserAlreadyOnTheRosterIsAlreadyExistsAndChangesNothing() {
        Tenant tenant = storedTenant();
        TeamMember first = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));

        assertConflict(ALREADY_EXISTS, () -> insert(data.aTeamMember(tenant.id()).userId(first.userId())
                .role(TenantRole.TENANT_ADMIN).build()));

        assertThat(team().find(tenant.id(), first.userId())).contains(first);
        assertThat(team().countByRole(tenant.id(), TenantRole.TENANT_ADMIN)).isZero();
    }

    @Test
    void theSameUserMayBeOnTheRostersOfTwoTenants() {
        Tenant one = storedTenant();
        Tenant two = storedTenant();
        TeamMember inOne = insert(data.teamMember(one.id(), TenantRole.TENANT_ADMIN));

        TeamMember inTwo = insert(data.aTeamMember(two.id()).userId(inOne.userId()).role(TenantRole.TEAM_MEMBER).build());

        assertThat(team().find(one.id(), inOne.userId())).contains(inOne);
        assertThat(team().find(two.id(), inOne.userId())).contains(inTwo);
    }

    @Test
    void updateIncrementsTheVersionAndStoresTheRole() {
        Tenant tenant = storedTenant();
        TeamMember stored = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));

        TeamMember updated = update(stored.withRole(TenantRole.TENANT_ADMIN));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.role()).isEqualTo(TenantRole.TENANT_ADMIN);
        assertThat(team().find(tenant.id(), stored.userId())).contains(updated);
    }

    @Test
    void updateWithStaleVersionIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        TeamMember stored = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));
        TeamMember current = update(stored.withRole(TenantRole.ACCOUNT_MANAGER));

        assertConflict(STALE_VERSION, () -> update(stored.withRole(TenantRole.TENANT_ADMIN)));

        assertThat(team().find(tenant.id(), stored.userId())).contains(current);
    }

    @Test
    void updateOfAUserNotOnTheRosterIsAStaleVersionConflictAndStoresNothing() {
        Tenant tenant = storedTenant();
        TeamMember missing = data.teamMember(tenant.id(), TenantRole.TENANT_ADMIN);

        assertConflict(STALE_VERSION, () -> update(missing));

        assertThat(team().find(tenant.id(), missing.userId())).isEmpty();
    }

    @Test
    void updateInAnotherTenantIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        TeamMember stored = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));

        assertConflict(STALE_VERSION, () -> update(data.aTeamMember(other.id()).userId(stored.userId())
                .role(TenantRole.TENANT_ADMIN).build()));

        assertThat(team().find(tenant.id(), stored.userId())).contains(stored);
        assertThat(team().find(other.id(), stored.userId())).isEmpty();
    }

    @Test
    void deleteRemovesTheEntry() {
        Tenant tenant = storedTenant();
        TeamMember stored = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));
        TeamMember updated = update(stored.withRole(TenantRole.ACCOUNT_MANAGER));

        delete(tenant.id(), stored.userId(), updated.version());

        assertThat(team().find(tenant.id(), stored.userId())).isEmpty();
        assertThat(team().list(tenant.id(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aDeletedUserMayBeAddedAgainAtVersionZero() {
        Tenant tenant = storedTenant();
        TeamMember stored = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));
        delete(tenant.id(), stored.userId(), 0);

        TeamMember again = insert(data.aTeamMember(tenant.id()).userId(stored.userId()).version(3).build());

        assertThat(again.version()).isZero();
        assertThat(team().find(tenant.id(), stored.userId())).contains(again);
    }

    @Test
    void deleteWithStaleVersionIsAConflictAndKeepsTheEntry() {
        Tenant tenant = storedTenant();
        TeamMember stored = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));
        TeamMember current = update(stored.withRole(TenantRole.ACCOUNT_MANAGER));

        assertConflict(STALE_VERSION, () -> delete(tenant.id(), stored.userId(), 0));

        assertThat(team().find(tenant.id(), stored.userId())).contains(current);
    }

    @Test
    void deleteOfAUserNotOnTheRosterIsAStaleVersionConflict() {
        Tenant tenant = storedTenant();
        TeamMember stored = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));

        assertConflict(STALE_VERSION, () -> delete(tenant.id(), data.userId(), 0));

        assertThat(team().list(tenant.id(), Optional.empty(), 10)).containsExactly(stored);
    }

    @Test
    void deleteInAnotherTenantIsAConflictAndKeepsTheEntry() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        TeamMember stored = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));

        assertConflict(STALE_VERSION, () -> delete(other.id(), stored.userId(), stored.version()));

        assertThat(team().find(tenant.id(), stored.userId())).contains(stored);
    }

    @Test
    void readsWithAnotherTenantSeeNothing() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        TeamMember admin = insert(data.teamMember(tenant.id(), TenantRole.TENANT_ADMIN));

        assertThat(team().find(other.id(), admin.userId())).isEmpty();
        assertThat(team().list(other.id(), Optional.empty(), 10)).isEmpty();
        assertThat(team().countByRole(other.id(), TenantRole.TENANT_ADMIN)).isZero();
    }

    @Test
    void listOrdersTheRosterByUserId() {
        Tenant tenant = storedTenant();
        List<TeamMember> sorted = insertShuffled(tenant.id(), 5);

        assertThat(team().list(tenant.id(), Optional.empty(), 10)).containsExactlyElementsOf(sorted);
    }

    @Test
    void listStartsStrictlyAfterTheGivenUser() {
        Tenant tenant = storedTenant();
        List<TeamMember> sorted = insertShuffled(tenant.id(), 5);

        assertThat(team().list(tenant.id(), Optional.of(sorted.get(2).userId()), 10))
                .containsExactlyElementsOf(sorted.subList(3, 5));
    }

    @Test
    void listReturnsAtMostLimitEntries() {
        Tenant tenant = storedTenant();
        List<TeamMember> sorted = insertShuffled(tenant.id(), 5);

        assertThat(team().list(tenant.id(), Optional.empty(), 3)).containsExactlyElementsOf(sorted.subList(0, 3));
    }

    @Test
    void walkingAllPagesYieldsEveryEntryOnceInOrder() {
        Tenant tenant = storedTenant();
        List<TeamMember> sorted = insertShuffled(tenant.id(), 10);

        List<TeamMember> walked = new ArrayList<>();
        Optional<UserId> after = Optional.empty();
        while (true) {
            List<TeamMember> page = team().list(tenant.id(), after, 4);
            assertThat(page).hasSizeLessThanOrEqualTo(4);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            after = Optional.of(page.get(page.size() - 1).userId());
        }

        assertThat(walked).containsExactlyElementsOf(sorted);
    }

    @Test
    void listShowsOnlyTheTenantsOwnRoster() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        List<TeamMember> mine = insertShuffled(tenant.id(), 3);
        List<TeamMember> theirs = insertShuffled(other.id(), 3);

        assertThat(team().list(tenant.id(), Optional.empty(), 10)).containsExactlyElementsOf(mine);
        assertThat(team().list(other.id(), Optional.empty(), 10)).containsExactlyElementsOf(theirs);
    }

    @Test
    void countByRoleCountsTheEntriesHoldingThatRole() {
        Tenant tenant = storedTenant();
        insert(data.teamMember(tenant.id(), TenantRole.TENANT_ADMIN));
        TeamMember second = insert(data.teamMember(tenant.id(), TenantRole.TENANT_ADMIN));
        TeamMember manager = insert(data.teamMember(tenant.id(), TenantRole.ACCOUNT_MANAGER));

        assertThat(team().countByRole(tenant.id(), TenantRole.TENANT_ADMIN)).isEqualTo(2);
        assertThat(team().countByRole(tenant.id(), TenantRole.ACCOUNT_MANAGER)).isEqualTo(1);
        assertThat(team().countByRole(tenant.id(), TenantRole.TEAM_MEMBER)).isZero();

        update(second.withRole(TenantRole.TEAM_MEMBER));
        delete(tenant.id(), manager.userId(), manager.version());

        assertThat(team().countByRole(tenant.id(), TenantRole.TENANT_ADMIN)).isEqualTo(1);
        assertThat(team().countByRole(tenant.id(), TenantRole.ACCOUNT_MANAGER)).isZero();
        assertThat(team().countByRole(tenant.id(), TenantRole.TEAM_MEMBER)).isEqualTo(1);
    }

    @Test
    void countByRoleIgnoresOtherTenants() {
        Tenant tenant = storedTenant();
        Tenant other = storedTenant();
        insert(data.teamMember(tenant.id(), TenantRole.TENANT_ADMIN));
        insert(data.teamMember(other.id(), TenantRole.TENANT_ADMIN));
        insert(data.teamMember(other.id(), TenantRole.TENANT_ADMIN));

        assertThat(team().countByRole(tenant.id(), TenantRole.TENANT_ADMIN)).isEqualTo(1);
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() {
        Tenant tenant = storedTenant();
        TeamMember stored = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));

        Concurrently.Outcomes<TeamMember> outcomes = Concurrently.run(i ->
                update(stored.withRole(i % 2 == 0 ? TenantRole.TENANT_ADMIN : TenantRole.ACCOUNT_MANAGER)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(team().find(tenant.id(), stored.userId())).contains(outcomes.successes().get(0));
    }

    @Test
    void concurrentInsertsOfOneUserLetExactlyOneWin() {
        Tenant tenant = storedTenant();
        UserId user = data.userId();

        Concurrently.Outcomes<TeamMember> outcomes = Concurrently.run(i ->
                insert(data.aTeamMember(tenant.id()).userId(user).role(TenantRole.values()[i % 3]).build()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(ALREADY_EXISTS, failure));
        assertThat(team().list(tenant.id(), Optional.empty(), 10)).containsExactly(outcomes.successes().get(0));
    }

    @Test
    void concurrentDeletesOfOneVersionLetExactlyOneWin() {
        Tenant tenant = storedTenant();
        TeamMember stored = insert(data.teamMember(tenant.id(), TenantRole.TEAM_MEMBER));

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i -> {
            delete(tenant.id(), stored.userId(), stored.version());
            return true;
        });

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(team().find(tenant.id(), stored.userId())).isEmpty();
    }
}
