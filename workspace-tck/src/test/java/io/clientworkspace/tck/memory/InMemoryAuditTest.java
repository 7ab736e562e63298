package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.AuditContract;

/** The in-memory stores pass the {@link AuditContract}. */
class InMemoryAuditTest extends AuditContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
