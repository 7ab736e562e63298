package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.TaskConversationsContract;

/** The in-memory stores pass the {@link TaskConversationsContract}. */
class InMemoryTaskConversationsTest extends TaskConversationsContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
