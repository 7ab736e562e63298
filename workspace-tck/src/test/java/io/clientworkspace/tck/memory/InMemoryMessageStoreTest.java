package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.MessageStoreContract;

/** The in-memory stores pass the {@link MessageStoreContract}. */
class InMemoryMessageStoreTest extends MessageStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
