package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.FormStoreContract;

/** The in-memory stores pass the {@link FormStoreContract}. */
class InMemoryFormStoreTest extends FormStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
