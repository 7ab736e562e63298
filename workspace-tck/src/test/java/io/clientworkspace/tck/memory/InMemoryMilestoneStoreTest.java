package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.MilestoneStoreContract;

/** The in-memory stores pass the {@link MilestoneStoreContract}. */
class InMemoryMilestoneStoreTest extends MilestoneStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
