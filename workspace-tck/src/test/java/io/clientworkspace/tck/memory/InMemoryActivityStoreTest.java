package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ActivityStoreContract;

/** The in-memory stores pass the {@link ActivityStoreContract}. */
class InMemoryActivityStoreTest extends ActivityStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
