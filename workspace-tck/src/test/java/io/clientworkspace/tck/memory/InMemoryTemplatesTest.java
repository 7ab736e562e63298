package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.TemplatesContract;

/** The in-memory stores pass the {@link TemplatesContract}, fault-injection matrix included. */
class InMemoryTemplatesTest extends TemplatesContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
