package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.RepliesContract;

/** The in-memory stores pass the {@link RepliesContract}. */
class InMemoryRepliesTest extends RepliesContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
