package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.TaskListStoreContract;

/** The in-memory stores pass the {@link TaskListStoreContract}. */
class InMemoryTaskListStoreTest extends TaskListStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
