package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ConversationsContract;

/** The in-memory stores pass the {@link ConversationsContract}. */
class InMemoryConversationsTest extends ConversationsContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
