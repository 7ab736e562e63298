package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default {@link TenantStore#findByName}, which a store written before it existed inherits. */
class TenantStoreDefaultFindByNameTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private final Stores stores = InMemoryStores.create();
    private final AtomicInteger pagesRead = new AtomicInteger();

    /** A store that implements only the methods that existed before findByName. */
    private final TenantStore legacy = new TenantStore() {
        @Override
        public Tenant insert(Tenant tenant) {
            return stores.tenants().insert(tenant);
        }

        @Override
        public Tenant update(Tenant tenant) {
            return stores.tenants().update(tenant);
        }

        @Override
        public Optional<Tenant> find(TenantId id) {
            return stores.tenants().find(id);
        }

        @Override
        public List<Tenant> list(Optional<TenantId> after, int limit) {
            pagesRead.incrementAndGet();
            return stores.tenants().list(after, limit);
        }
    };

    private Tenant insert(String id, String name) {
        return stores.unitOfWork().execute(() -> stores.tenants().insert(new Tenant(TenantId.of(id), name, NOW, 0)));
    }

    @Test
    void theDefaultFindsMatchesOnEveryPageOrderedById() {
        int total = TenantStoreDefaults.FIND_BY_NAME_PAGE * 2 + 7;
        for (int i = 0; i < total; i++) {
            insert(String.format("t%05d", i), i % 250 == 0 ? "Acme" : "Other " + i);
        }

        List<Tenant> found = legacy.findByName("Acme", 100);

        assertThat(found).extracting(t -> t.id().value()).containsExactly("t00000", "t00250", "t00500", "t00750", "t01000");
        assertThat(pagesRead).hasValue(3);
    }

    @Test
    void theDefaultStopsReadingOnceItHasLimitMatches() {
        for (int i = 0; i < TenantStoreDefaults.FIND_BY_NAME_PAGE * 3; i++) {
            insert(String.format("t%05d", i), "Acme");
        }

        assertThat(legacy.findByName("Acme", 2)).extracting(t -> t.id().value()).containsExactly("t00000", "t00001");
        assertThat(pagesRead).hasValue(1);
    }

    @Test
    void theDefaultComparesNamesExactly() {
        insert("a", "Acme");
        insert("b", "acme");
        insert("c", "Acme ");

        assertThat(legacy.findByName("Acme", 10)).extracting(t -> t.id().value()).containsExactly("a");
    }

    @Test
    void theDefaultRefusesALimitBelowOne() {
        assertThatThrownBy(() -> legacy.findByName("Acme", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
