package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.FileStoreContract;

/** The in-memory stores pass the {@link FileStoreContract}. */
class InMemoryFileStoreTest extends FileStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
