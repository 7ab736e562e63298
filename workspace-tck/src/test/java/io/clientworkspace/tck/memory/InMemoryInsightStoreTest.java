package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.InsightStoreContract;

/** The in-memory stores pass the {@link InsightStoreContract}. */
class InMemoryInsightStoreTest extends InsightStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
