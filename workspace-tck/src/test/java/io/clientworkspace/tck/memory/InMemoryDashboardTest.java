package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.DashboardContract;

/** The in-memory stores pass the {@link DashboardContract}. */
class InMemoryDashboardTest extends DashboardContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
