package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ReadMarkerStoreContract;

/** The in-memory stores pass the {@link ReadMarkerStoreContract}. */
class InMemoryReadMarkerStoreTest extends ReadMarkerStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
