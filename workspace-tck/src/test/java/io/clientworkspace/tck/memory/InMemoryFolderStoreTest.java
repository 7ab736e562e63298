package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.FolderStoreContract;

/** The in-memory stores pass the {@link FolderStoreContract}. */
class InMemoryFolderStoreTest extends FolderStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
