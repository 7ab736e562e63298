package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.NotificationsContract;

/** The in-memory stores pass the {@link NotificationsContract}. */
class InMemoryNotificationsTest extends NotificationsContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
