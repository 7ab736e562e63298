package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ProjectsContract;

/** The in-memory stores pass the {@link ProjectsContract}. */
class InMemoryProjectsTest extends ProjectsContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
