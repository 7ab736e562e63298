package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.TeamStoreContract;

/** The in-memory stores pass the {@link TeamStoreContract}. */
class InMemoryTeamStoreTest extends TeamStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
