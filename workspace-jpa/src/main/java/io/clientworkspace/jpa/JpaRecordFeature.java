package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.LinkedRecordEntity;
import io.clientworkspace.spi.LinkedRecordStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** Linked records from the host (migration V14). */
final class JpaRecordFeature implements JpaFeature {

    @Override
    public String name() {
        return "records";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(LinkedRecordEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(LinkedRecordStore.class, new JpaLinkedRecordStore(transactions));
    }
}
