package io.clientworkspace.tenant;

import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TenantStore;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Tenants with host-chosen keys: {@code create(id, ...)}, {@code provision}, {@code findByName}. */
class TenantProvisioningTest {

    private final Fixture f = Fixture.create();
    private final TenantService tenants = f.kit.tenants();

    private static final TenantDefinition ACME = TenantDefinition.of("acme", "Acme Agency", "alice", "bob");

    private List<TeamMember> roster(TenantId id) {
        return f.stores.team().list(id, Optional.empty(), 1000);
    }

    @Nested
    class CreatingWithAKey {

        @Test
        void aTenantGetsTheKeyTheHostChose() {
            Tenant created = tenants.create(TenantId.of("acme"), "Acme Agency", UserId.of("alice"));

            assertThat(created.id()).isEqualTo(TenantId.of("acme"));
            assertThat(created.name()).isEqualTo("Acme Agency");
            assertThat(tenants.find(TenantId.of("acme"))).contains(created);
            assertThat(roster(created.id())).extracting(TeamMember::userId, TeamMember::role)
                    .containsExactly(tuple(UserId.of("alice"), TenantRole.TENANT_ADMIN));
        }

        @Test
        void creatingWithAKeyPublishesTheSameEventsAsCreatingWithAGeneratedId() {
            Tenant created = tenants.create(TenantId.of("acme"), "Acme Agency", UserId.of("alice"));

            Actor alice = Actor.team(created.id(), "alice");
            assertThat(f.events.all()).containsExactly(
                    new TenantEvent.TenantCreated(created.id(), "Acme Agency", alice, f.clock.instant()),
                    new TenantEvent.TeamMemberChanged(created.id(), alice.userId(), TenantRole.TENANT_ADMIN, alice,
                            f.clock.instant()));
        }

        @Test
        void aKeyThatIsAlreadyTakenIsAConflictAndChangesNothing() {
            tenants.create(TenantId.of("acme"), "Acme Agency", UserId.of("alice"));

            ConflictException e = f.rejects(ConflictException.class,
                    () -> tenants.create(TenantId.of("acme"), "Impostor", UserId.of("mallory")));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ALREADY_EXISTS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-acme", ".acme", "ac me", "acme/1", "TENANT:acme", "ä", "k012345678901234567890123456789012345678901234567890123456789abcd"})
        void aKeyOutsideTheKeyPatternIsRefusedOnTheIdField(String key) {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> tenants.create(TenantId.of(key), "Acme Agency", UserId.of("alice")));

            assertThat(fieldsOf(e)).containsExactly("id");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "acme", "Acme-2.eu_west", "0", "k012345678901234567890123456789012345678901234567890123456789abc"})
        void keysOfLettersDigitsDotsDashesAndUnderscoresUpTo64CharactersAreAccepted(String key) {
            assertThat(tenants.create(TenantId.of(key), "Acme Agency", UserId.of("alice")).id().value()).isEqualTo(key);
        }

        @Test
        void aBlankNameIsRefusedOnTheNameField() {
            ValidationException e = f.rejects(ValidationException.class,
                    () -> tenants.create(TenantId.of("acme"), " ", UserId.of("alice")));

            assertThat(fieldsOf(e)).containsExactly("name");
        }

        @Test
        void creatingWithAGeneratedIdStillWorks() {
            Tenant created = tenants.create("Contoso", UserId.of("connie"));

            assertThat(tenants.find(created.id())).contains(created);
        }
    }

    @Nested
    class Defining {

        @Test
        void aDefinitionStripsTheNameAndKeepsTheAdminsInOrder() {
            TenantDefinition d = TenantDefinition.of("acme", "  Acme Agency ", "bob", "alice");

            assertThat(d.name()).isEqualTo("Acme Agency");
            assertThat(d.admins()).containsExactly(UserId.of("bob"), UserId.of("alice"));
        }

        @Test
        void aDefinitionWithABadKeyABlankNameAndNoAdminsNamesEveryField() {
            assertThatThrownBy(() -> new TenantDefinition(TenantId.of("-bad"), "", List.of()))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(fieldsOf(e)).containsExactlyInAnyOrder("id", "name", "admins"));
        }

        @Test
        void aDefinitionNamingAnAdminTwiceIsRefusedOnTheAdminsField() {
            assertThatThrownBy(() -> TenantDefinition.of("acme", "Acme", "alice", "bob", "alice"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(fieldsOf(e)).containsExactly("admins");
                        assertThat(e.getMessage()).contains("alice");
                    });
        }

        @Test
        void aDefinitionWithMoreThanAHundredAdminsIsRefusedOnTheAdminsField() {
            List<UserId> admins = IntStream.range(0, 101).mapToObj(i -> UserId.of("admin" + i)).toList();

            assertThatThrownBy(() -> new TenantDefinition(TenantId.of("acme"), "Acme", admins))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(fieldsOf(e)).containsExactly("admins"));
        }

        @Test
        void aDefinitionWithAHundredAdminsIsAccepted() {
            List<UserId> admins = IntStream.range(0, 100).mapToObj(i -> UserId.of("admin" + i)).toList();

            assertThat(new TenantDefinition(TenantId.of("acme"), "Acme", admins).admins()).hasSize(100);
        }

        @Test
        void aDefinitionsAdminListCannotBeChangedAfterwards() {
            List<UserId> admins = new ArrayList<>(List.of(UserId.of("alice")));
            TenantDefinition d = new TenantDefinition(TenantId.of("acme"), "Acme", admins);
            admins.add(UserId.of("mallory"));

            assertThat(d.admins()).containsExactly(UserId.of("alice"));
        }
    }

    @Nested
    class Provisioning {

        @Test
        void provisioningAnUnknownKeyCreatesTheTenantWithEveryAdmin() {
            Provisioned result = tenants.provision(ACME);

            assertThat(result.created()).isTrue();
            assertThat(result.tenant().id()).isEqualTo(TenantId.of("acme"));
            assertThat(result.tenant().name()).isEqualTo("Acme Agency");
            assertThat(tenants.find(TenantId.of("acme"))).contains(result.tenant());
            assertThat(roster(result.tenant().id())).extracting(TeamMember::userId)
                    .containsExactly(UserId.of("alice"), UserId.of("bob"));
            assertThat(roster(result.tenant().id())).extracting(TeamMember::role).containsOnly(TenantRole.TENANT_ADMIN);
        }

        @Test
        void provisioningPublishesTheCreationAndOneRosterEventPerAdmin() {
            tenants.provision(ACME);

            TenantId acme = TenantId.of("acme");
            Actor alice = Actor.team(acme, "alice");
            assertThat(f.events.all()).containsExactly(
                    new TenantEvent.TenantCreated(acme, "Acme Agency", alice, f.clock.instant()),
                    new TenantEvent.TeamMemberChanged(acme, UserId.of("alice"), TenantRole.TENANT_ADMIN, alice, f.clock.instant()),
                    new TenantEvent.TeamMemberChanged(acme, UserId.of("bob"), TenantRole.TENANT_ADMIN, alice, f.clock.instant()));
        }

        @Test
        void provisioningAnExistingKeyReturnsItUnchangedAndPublishesNothing() {
            Tenant first = tenants.provision(ACME).tenant();
            f.events.clear();
            Fixture.Snapshot before = f.snapshot();

            Provisioned again = tenants.provision(ACME);

            assertThat(again).isEqualTo(new Provisioned(first, false));
            assertThat(f.snapshot()).isEqualTo(before);
            assertThat(f.events.all()).isEmpty();
        }

        @Test
        void provisioningDoesNotRenameATenantOrChangeItsRoster() {
            Tenant first = tenants.provision(ACME).tenant();
            Actor alice = Actor.team(first.id(), "alice");
            Tenant renamed = tenants.rename(alice, "Acme by its admins", first.version());
            tenants.removeTeamMember(alice, UserId.of("bob"));

            Provisioned again = tenants.provision(TenantDefinition.of("acme", "Acme Agency", "alice", "bob", "mallory"));

            assertThat(again).isEqualTo(new Provisioned(renamed, false));
            assertThat(roster(first.id())).extracting(TeamMember::userId).containsExactly(UserId.of("alice"));
        }

        @Test
        void theFirstDeclaredAdminCanManageTheProvisionedTenant() {
            tenants.provision(ACME);
            Actor bob = Actor.team(TenantId.of("acme"), "bob");

            TeamMember tom = tenants.addTeamMember(bob, UserId.of("tom"), TenantRole.TEAM_MEMBER);

            assertThat(tom.role()).isEqualTo(TenantRole.TEAM_MEMBER);
        }

        @Test
        void aProvisionThatLosesTheRaceToAnotherNodeReturnsTheWinnersTenant() {
            // Another node inserts "acme" between this provision's look-up and its insert: the look-up
            // misses once, the insert conflicts, and the second look-up finds the winner's tenant.
            Stores plain = InMemoryStores.create();
            AtomicBoolean raced = new AtomicBoolean();
            TenantStore racing = new DelegatingTenantStore(plain.tenants()) {
                @Override
                public Optional<Tenant> find(TenantId id) {
                    if (id.equals(TenantId.of("acme")) && raced.compareAndSet(false, true)) {
                        plain.unitOfWork().execute(() -> plain.tenants().insert(
                                new Tenant(id, "Acme (other node)", Fixture.START, 0)));
                        return Optional.empty();
                    }
                    return super.find(id);
                }
            };
            Fixture raceFixture = Fixture.create(plain.with(TenantStore.class, racing), b -> { });
            raceFixture.events.clear();

            Provisioned result = raceFixture.kit.tenants().provision(ACME);

            assertThat(result.created()).isFalse();
            assertThat(result.tenant().name()).isEqualTo("Acme (other node)");
            assertThat(raceFixture.stores.team().list(TenantId.of("acme"), Optional.empty(), 10)).isEmpty();
            assertThat(raceFixture.events.all()).isEmpty();
        }

        @Test
        void concurrentProvisionsOfOneKeyCreateOneTenantAndAllReturnIt() throws Exception {
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Provisioned>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Callable<Provisioned> task = () -> {
                        start.await();
                        return tenants.provision(ACME);
                    };
                    futures.add(pool.submit(task));
                }
                List<Provisioned> results = new ArrayList<>();
                for (Future<Provisioned> future : futures) {
                    results.add(future.get(60, TimeUnit.SECONDS));
                }

                assertThat(results).filteredOn(Provisioned::created).hasSize(1);
                Tenant stored = tenants.find(TenantId.of("acme")).orElseThrow();
                assertThat(results).extracting(Provisioned::tenant).containsOnly(stored);
                assertThat(roster(stored.id())).extracting(TeamMember::userId)
                        .containsExactly(UserId.of("alice"), UserId.of("bob"));
                assertThat(f.events.ofType(TenantEvent.TenantCreated.class)).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class FindingByName {

        @Test
        void findByNameReturnsEveryTenantWithExactlyThatNameOrderedById() {
            Tenant b = tenants.create(TenantId.of("b-acme"), "Acme", UserId.of("alice"));
            Tenant a = tenants.create(TenantId.of("a-acme"), "Acme", UserId.of("alice"));
            tenants.create(TenantId.of("c-acme"), "Acme Agency", UserId.of("alice"));

            assertThat(tenants.findByName("Acme")).containsExactly(a, b);
        }

        @Test
        void findByNameIsCaseSensitive() {
            tenants.create(TenantId.of("acme"), "Acme", UserId.of("alice"));

            assertThat(tenants.findByName("acme")).isEmpty();
            assertThat(tenants.findByName("ACME")).isEmpty();
        }

        @Test
        void findByNameOfANameNoTenantHasIsEmpty() {
            assertThat(tenants.findByName("Nobody")).isEmpty();
        }

        @Test
        void findByNameReturnsAtMostAHundredTenants() {
            List<TenantId> ids = new ArrayList<>();
            for (int i = 0; i < TenantService.MAX_NAME_MATCHES + 5; i++) {
                ids.add(tenants.create(TenantId.of(String.format("t%03d", i)), "Same", UserId.of("alice")).id());
            }
            Collections.sort(ids);

            assertThat(tenants.findByName("Same")).extracting(Tenant::id)
                    .containsExactlyElementsOf(ids.subList(0, TenantService.MAX_NAME_MATCHES));
        }
    }

    /** A {@link TenantStore} that forwards everything, to override one method in a test. */
    private static class DelegatingTenantStore implements TenantStore {
        private final TenantStore delegate;

        DelegatingTenantStore(TenantStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Tenant insert(Tenant tenant) {
            return delegate.insert(tenant);
        }

        @Override
        public Tenant update(Tenant tenant) {
            return delegate.update(tenant);
        }

        @Override
        public Optional<Tenant> find(TenantId id) {
            return delegate.find(id);
        }

        @Override
        public List<Tenant> list(Optional<TenantId> after, int limit) {
            return delegate.list(after, limit);
        }
    }
}
