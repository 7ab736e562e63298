package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.DashboardRebuildContract;

/** The in-memory stores pass the {@link DashboardRebuildContract}. */
class InMemoryDashboardRebuildTest extends DashboardRebuildContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
