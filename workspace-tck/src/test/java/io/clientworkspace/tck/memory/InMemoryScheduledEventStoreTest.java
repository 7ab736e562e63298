package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ScheduledEventStoreContract;

/** The in-memory stores pass the {@link ScheduledEventStoreContract}. */
class InMemoryScheduledEventStoreTest extends ScheduledEventStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
