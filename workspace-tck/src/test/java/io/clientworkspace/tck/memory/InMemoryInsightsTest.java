package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.InsightsContract;

/** The in-memory stores pass the {@link InsightsContract}. */
class InMemoryInsightsTest extends InsightsContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
