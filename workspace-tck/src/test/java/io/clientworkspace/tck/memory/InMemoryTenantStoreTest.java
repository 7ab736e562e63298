package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.TenantStoreContract;

/** The in-memory stores pass the {@link TenantStoreContract}. */
class InMemoryTenantStoreTest extends TenantStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
