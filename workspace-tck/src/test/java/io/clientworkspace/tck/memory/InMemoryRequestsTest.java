package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.RequestsContract;

/** The in-memory stores pass the service-level {@link RequestsContract}. */
class InMemoryRequestsTest extends RequestsContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
