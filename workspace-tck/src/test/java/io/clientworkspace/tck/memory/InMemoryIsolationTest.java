package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.IsolationContract;

/** A whole kit on the in-memory stores passes the {@link IsolationContract}. */
class InMemoryIsolationTest extends IsolationContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
