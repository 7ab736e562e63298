package io.clientworkspace.tck;

import io.clientworkspace.TenantId;
import io.clientworkspace.spi.TenantStore;
import io.clientworkspace.tenant.Tenant;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link TenantStore}: versions, the unique id, ordering and keyset pagination by id,
 * {@code findByName} (exact, ordered by id, bounded) and {@code findForUpdate}. Extend it and implement {@link #createStores()}.
 */
public abstract class TenantStoreContract extends StoreContractSupport {

    private TenantStore tenants() {
        return stores().tenants();
    }

    private Tenant insert(Tenant tenant) {
        return inUnitOfWork(() -> tenants().insert(tenant));
    }

    private Tenant update(Tenant tenant) {
        return inUnitOfWork(() -> tenants().update(tenant));
    }

    /** Inserts {@code count} tenants in shuffled order; returns them sorted by id. */
    private List<Tenant> insertShuffled(int count) {
        List<Tenant> created = new ArrayList<>(IntStream.range(0, count).mapToObj(i -> data.tenant()).toList());
        Collections.shuffle(created);
        List<Tenant> stored = new ArrayList<>(created.stream().map(this::insert).toList());
        stored.sort(Comparator.comparing(Tenant::id));
        return stored;
    }

    @Test
    void insertStoresVersionZeroWhateverTheArgumentCarries() {
        Tenant stored = insert(data.aTenant().version(7).build());

        assertThat(stored.version()).isZero();
        assertThat(tenants().find(stored.id())).get().extracting(Tenant::version).isEqualTo(0L);
    }

    @Test
    void findReturnsTheInsertedTenant() {
        Tenant tenant = data.tenant();

        Tenant stored = insert(tenant);

        assertThat(stored).isEqualTo(tenant);
        assertThat(tenants().find(tenant.id())).contains(tenant);
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        insert(data.tenant());

        assertThat(tenants().find(data.tenantId())).isEmpty();
    }

    @Test
    void insertOfATakenIdIsAlreadyExistsAndChangesNothing() {
        Tenant first = insert(data.tenant());

        assertConflict(ALREADY_EXISTS, () -> insert(data.aTenant().id(first.id()).name("Impostor").build()));

        assertThat(tenants().find(first.id())).contains(first);
    }

    @Test
    void updateIncrementsTheVersionAndStoresTheChange() {
        Tenant stored = insert(data.tenant());

        Tenant updated = update(stored.withName("Renamed"));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.name()).isEqualTo("Renamed");
        assertThat(tenants().find(stored.id())).contains(updated);
    }

    @Test
    void eachUpdateNeedsTheVersionTheLastOneReturned() {
        Tenant stored = insert(data.tenant());
        Tenant first = update(stored.withName("First"));

        Tenant second = update(first.withName("Second"));

        assertThat(second.version()).isEqualTo(2);
        assertConflict(STALE_VERSION, () -> update(first.withName("Third")));
        assertThat(tenants().find(stored.id())).contains(second);
    }

    @Test
    void updateWithStaleVersionIsAConflictAndChangesNothing() {
        Tenant stored = insert(data.tenant());
        Tenant current = update(stored.withName("Current"));

        assertConflict(STALE_VERSION, () -> update(stored.withName("Lost update")));

        assertThat(tenants().find(stored.id())).contains(current);
    }

    @Test
    void updateWithAVersionAheadOfTheStoredOneIsAConflictAndChangesNothing() {
        Tenant stored = insert(data.tenant());

        assertConflict(STALE_VERSION, () -> update(data.aTenant().id(stored.id()).name("Ahead").version(1).build()));

        assertThat(tenants().find(stored.id())).contains(stored);
    }

    @Test
    void updateOfAMissingTenantIsAStaleVersionConflictAndStoresNothing() {
        Tenant missing = data.tenant();

        assertConflict(STALE_VERSION, () -> update(missing));

        assertThat(tenants().find(missing.id())).isEmpty();
    }

    @Test
    void listOrdersTenantsById() {
        List<Tenant> sorted = insertShuffled(5);

        assertThat(tenants().list(Optional.empty(), 10)).containsExactlyElementsOf(sorted);
    }

    @Test
    void listStartsStrictlyAfterTheGivenId() {
        List<Tenant> sorted = insertShuffled(5);

        assertThat(tenants().list(Optional.of(sorted.get(1).id()), 10))
                .containsExactlyElementsOf(sorted.subList(2, 5));
    }

    @Test
    void listAfterAnIdThatDoesNotExistStartsAtTheNextGreaterId() {
        List<Tenant> sorted = insertShuffled(3);
        TenantId between = TenantId.of(sorted.get(0).id().value() + "0");

        assertThat(tenants().list(Optional.of(between), 10)).containsExactlyElementsOf(sorted.subList(1, 3));
    }

    @Test
    void listReturnsAtMostLimitTenants() {
        List<Tenant> sorted = insertShuffled(5);

        assertThat(tenants().list(Optional.empty(), 2)).containsExactlyElementsOf(sorted.subList(0, 2));
        assertThat(tenants().list(Optional.of(sorted.get(3).id()), 2)).containsExactly(sorted.get(4));
    }

    @Test
    void walkingAllPagesYieldsEveryTenantOnceInOrder() {
        List<Tenant> sorted = insertShuffled(11);

        List<Tenant> walked = new ArrayList<>();
        Optional<TenantId> after = Optional.empty();
        while (true) {
            List<Tenant> page = tenants().list(after, 3);
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            after = Optional.of(page.get(page.size() - 1).id());
        }

        assertThat(walked).containsExactlyElementsOf(sorted);
    }

    @Test
    void findByNameReturnsEveryTenantWithExactlyThatNameOrderedById() {
        List<Tenant> sorted = new ArrayList<>(List.of(insert(data.aTenant().name("Acme").build()),
                insert(data.aTenant().name("Acme").build()), insert(data.aTenant().name("Acme").build())));
        sorted.sort(Comparator.comparing(Tenant::id));
        insert(data.aTenant().name("Acme Agency").build());
        insert(data.aTenant().name("Globex").build());

        assertThat(tenants().findByName("Acme", 10)).containsExactlyElementsOf(sorted);
    }

    @Test
    void findByNameComparesCaseAndWhitespaceExactly() {
        Tenant acme = insert(data.aTenant().name("Acme").build());
        insert(data.aTenant().name("acme").build());
        insert(data.aTenant().name("Acme ").build());

        assertThat(tenants().findByName("Acme", 10)).containsExactly(acme);
        assertThat(tenants().findByName("ACME", 10)).isEmpty();
    }

    @Test
    void findByNameOfANameNoTenantHasIsEmpty() {
        insert(data.tenant());

        assertThat(tenants().findByName("Nobody", 10)).isEmpty();
    }

    @Test
    void findByNameReturnsAtMostLimitTenantsWithTheSmallestIds() {
        List<Tenant> sorted = new ArrayList<>(IntStream.range(0, 5)
                .mapToObj(i -> insert(data.aTenant().name("Same").build())).toList());
        sorted.sort(Comparator.comparing(Tenant::id));

        assertThat(tenants().findByName("Same", 2)).containsExactlyElementsOf(sorted.subList(0, 2));
    }

    @Test
    void findByNameFollowsARename() {
        Tenant stored = insert(data.aTenant().name("Before").build());

        Tenant renamed = update(stored.withName("After"));

        assertThat(tenants().findByName("Before", 10)).isEmpty();
        assertThat(tenants().findByName("After", 10)).containsExactly(renamed);
    }

    @Test
    void findByNameWithALimitBelowOneIsRefused() {
        assertThatThrownBy(() -> tenants().findByName("Acme", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findForUpdateOutsideAUnitOfWorkIsLikeFind() {
        Tenant stored = insert(data.tenant());

        assertThat(tenants().findForUpdate(stored.id())).contains(stored);
        assertThat(tenants().findForUpdate(data.tenantId())).isEmpty();
    }

    @Test
    void findForUpdateInsideAUnitOfWorkReturnsTheTenant() {
        Tenant stored = insert(data.tenant());

        assertThat(inUnitOfWork(() -> tenants().findForUpdate(stored.id()))).contains(stored);
        assertThat(inUnitOfWork(() -> tenants().findForUpdate(data.tenantId()))).isEmpty();
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() {
        Tenant stored = insert(data.tenant());

        Concurrently.Outcomes<Tenant> outcomes = Concurrently.run(i -> update(stored.withName("Writer " + i)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(tenants().find(stored.id())).contains(outcomes.successes().get(0));
    }

    @Test
    void concurrentInsertsOfOneIdLetExactlyOneWin() {
        TenantId id = data.tenantId();

        Concurrently.Outcomes<Tenant> outcomes = Concurrently.run(i ->
                insert(data.aTenant().id(id).name("Creator " + i).build()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(ALREADY_EXISTS, failure));
        assertThat(tenants().find(id)).contains(outcomes.successes().get(0));
    }

    @Test
    void findForUpdateMakesReadModifyWriteCyclesRunOneAfterAnother() {
        Tenant stored = insert(data.tenant());

        Concurrently.Outcomes<Tenant> outcomes = Concurrently.run(i -> inUnitOfWork(() -> {
            Tenant current = tenants().findForUpdate(stored.id()).orElseThrow();
            return tenants().update(current.withName(current.name() + " +" + i));
        }));

        assertThat(outcomes.failures()).as("a locked read-modify-write never sees a stale version").isEmpty();
        assertThat(outcomes.successes()).extracting(Tenant::version)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, Concurrently.THREADS)
                        .mapToObj(i -> (long) i).toList());
        assertThat(tenants().find(stored.id())).get().extracting(Tenant::version)
                .isEqualTo((long) Concurrently.THREADS);
    }
}
