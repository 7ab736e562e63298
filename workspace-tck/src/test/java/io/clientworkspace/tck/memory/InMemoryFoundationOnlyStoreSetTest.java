package io.clientworkspace.tck.memory;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.FoundationOnlyStoreSetContract;
import io.clientworkspace.tck.FoundationOnlyStores;

/** A kit on the in-memory foundation stores alone passes the {@link FoundationOnlyStoreSetContract}. */
class InMemoryFoundationOnlyStoreSetTest extends FoundationOnlyStoreSetContract {

    @Override
    protected Stores createStores() {
        return FoundationOnlyStores.inMemory();
    }
}
