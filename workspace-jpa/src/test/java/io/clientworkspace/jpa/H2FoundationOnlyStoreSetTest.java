package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.tck.FoundationOnlyStoreSetContract;
import io.clientworkspace.tck.FoundationOnlyStores;

/** A kit on the JPA foundation stores alone (H2) passes the {@link FoundationOnlyStoreSetContract}. */
class H2FoundationOnlyStoreSetTest extends FoundationOnlyStoreSetContract {

    @Override
    protected Stores createStores() {
        TestDatabase.H2.reset();
        return FoundationOnlyStores.of(JpaStores.create(TestDatabase.H2.emf()));
    }
}
