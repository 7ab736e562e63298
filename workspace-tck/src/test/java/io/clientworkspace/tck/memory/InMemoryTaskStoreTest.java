package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.TaskStoreContract;

/** The in-memory stores pass the {@link TaskStoreContract}. */
class InMemoryTaskStoreTest extends TaskStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
