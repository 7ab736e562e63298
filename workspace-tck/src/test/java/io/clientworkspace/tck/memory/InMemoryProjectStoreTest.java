package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ProjectStoreContract;

/** The in-memory stores pass the {@link ProjectStoreContract}. */
class InMemoryProjectStoreTest extends ProjectStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
