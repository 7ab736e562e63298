package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.CalendarFeedTokenStoreContract;

/** The in-memory stores pass the {@link CalendarFeedTokenStoreContract}. */
class InMemoryCalendarFeedTokenStoreTest extends CalendarFeedTokenStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
