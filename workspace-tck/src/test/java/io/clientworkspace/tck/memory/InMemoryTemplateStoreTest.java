package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.TemplateStoreContract;

/** The in-memory stores pass the {@link TemplateStoreContract}. */
class InMemoryTemplateStoreTest extends TemplateStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
