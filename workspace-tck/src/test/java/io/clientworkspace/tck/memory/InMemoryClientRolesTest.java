package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ClientRolesContract;

/** The in-memory stores pass the {@link ClientRolesContract}. */
class InMemoryClientRolesTest extends ClientRolesContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
