package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.WorkspaceStoreContract;

/** The in-memory stores pass the {@link WorkspaceStoreContract}. */
class InMemoryWorkspaceStoreTest extends WorkspaceStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
