package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.FormAssignmentStoreContract;

/** The in-memory stores pass the {@link FormAssignmentStoreContract}. */
class InMemoryFormAssignmentStoreTest extends FormAssignmentStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
