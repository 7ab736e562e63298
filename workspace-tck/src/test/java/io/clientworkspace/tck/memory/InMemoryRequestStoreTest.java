package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.RequestStoreContract;

/** The in-memory stores pass the {@link RequestStoreContract}. */
class InMemoryRequestStoreTest extends RequestStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
