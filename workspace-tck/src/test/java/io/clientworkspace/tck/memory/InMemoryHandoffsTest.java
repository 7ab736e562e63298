package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.HandoffsContract;

/** The in-memory stores pass the {@link HandoffsContract}, fault-injection matrix included. */
class InMemoryHandoffsTest extends HandoffsContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
