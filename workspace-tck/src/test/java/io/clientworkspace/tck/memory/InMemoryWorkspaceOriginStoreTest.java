package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.WorkspaceOriginStoreContract;

/** The in-memory stores pass the {@link WorkspaceOriginStoreContract}. */
class InMemoryWorkspaceOriginStoreTest extends WorkspaceOriginStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
