package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.UnitOfWorkContract;

/** The in-memory stores pass the {@link UnitOfWorkContract}. */
class InMemoryUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
