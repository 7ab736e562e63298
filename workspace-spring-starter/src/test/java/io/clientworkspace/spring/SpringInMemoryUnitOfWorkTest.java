package io.clientworkspace.spring;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.UnitOfWorkContract;

/**
 * Outside any Spring transaction, the in-memory stores on {@link SpringInMemoryTransactions} keep the
 * whole {@link UnitOfWorkContract}, exactly as on their own unit of work.
 */
class SpringInMemoryUnitOfWorkTest extends UnitOfWorkContract {

    @Override
    protected Stores createStores() {
        return SpringInMemoryTransactions.joiningSpringTransactions(InMemoryStores.create());
    }
}
