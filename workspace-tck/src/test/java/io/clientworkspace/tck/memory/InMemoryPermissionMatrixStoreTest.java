package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.PermissionMatrixStoreContract;

/** The in-memory stores pass the {@link PermissionMatrixStoreContract}. */
class InMemoryPermissionMatrixStoreTest extends PermissionMatrixStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
