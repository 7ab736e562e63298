package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.InvitationStoreContract;

/** The in-memory stores pass the {@link InvitationStoreContract}. */
class InMemoryInvitationStoreTest extends InvitationStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
