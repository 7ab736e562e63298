package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.NonInterferenceContract;

/** A whole kit on the in-memory stores passes the {@link NonInterferenceContract}. */
class InMemoryNonInterferenceTest extends NonInterferenceContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
