package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ReplyTokenStoreContract;

/** The in-memory stores pass the {@link ReplyTokenStoreContract}. */
class InMemoryReplyTokenStoreTest extends ReplyTokenStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
