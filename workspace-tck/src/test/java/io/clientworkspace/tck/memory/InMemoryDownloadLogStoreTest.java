package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.DownloadLogStoreContract;

/** The in-memory stores pass the {@link DownloadLogStoreContract}. */
class InMemoryDownloadLogStoreTest extends DownloadLogStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
