package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.LinkedRecordStoreContract;

/** The in-memory stores pass the {@link LinkedRecordStoreContract}. */
class InMemoryLinkedRecordStoreTest extends LinkedRecordStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
