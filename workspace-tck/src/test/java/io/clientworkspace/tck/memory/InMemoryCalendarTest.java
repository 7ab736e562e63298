package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.CalendarContract;

/** The in-memory stores pass the {@link CalendarContract}. */
class InMemoryCalendarTest extends CalendarContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
