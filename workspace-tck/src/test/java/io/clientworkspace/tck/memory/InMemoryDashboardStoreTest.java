package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.DashboardStoreContract;

/** The in-memory stores pass the {@link DashboardStoreContract}. */
class InMemoryDashboardStoreTest extends DashboardStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
