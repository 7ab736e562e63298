package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.MembershipStoreContract;

/** The in-memory stores pass the {@link MembershipStoreContract}. */
class InMemoryMembershipStoreTest extends MembershipStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
