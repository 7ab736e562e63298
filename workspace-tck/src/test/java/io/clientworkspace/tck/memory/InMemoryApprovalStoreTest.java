package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ApprovalStoreContract;

/** The in-memory stores pass the {@link ApprovalStoreContract}. */
class InMemoryApprovalStoreTest extends ApprovalStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
