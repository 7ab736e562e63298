package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.LinkedRecordsContract;

/** The in-memory stores pass the {@link LinkedRecordsContract}. */
class InMemoryLinkedRecordsTest extends LinkedRecordsContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
