package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.ProjectsNonInterferenceContract;

/** The in-memory stores pass the {@link ProjectsNonInterferenceContract}. */
class InMemoryProjectsNonInterferenceTest extends ProjectsNonInterferenceContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
