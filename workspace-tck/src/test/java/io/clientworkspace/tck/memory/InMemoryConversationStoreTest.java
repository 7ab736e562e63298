package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ConversationStoreContract;

/** The in-memory stores pass the {@link ConversationStoreContract}. */
class InMemoryConversationStoreTest extends ConversationStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
