package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.NotificationStoreContract;

/** The in-memory stores pass the {@link NotificationStoreContract}. */
class InMemoryNotificationStoreTest extends NotificationStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
