package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.StatusUpdateStoreContract;

/** The in-memory stores pass the {@link StatusUpdateStoreContract}. */
class InMemoryStatusUpdateStoreTest extends StatusUpdateStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
