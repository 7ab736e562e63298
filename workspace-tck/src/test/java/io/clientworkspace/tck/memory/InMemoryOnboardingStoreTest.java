package io.clientworkspace.tck.memory;

import io.clientworkspace.memory.InMemoryStores;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.OnboardingStoreContract;

/** The in-memory stores pass the {@link OnboardingStoreContract}. */
class InMemoryOnboardingStoreTest extends OnboardingStoreContract {

    @Override
    protected Stores createStores() {
        return InMemoryStores.create();
    }
}
