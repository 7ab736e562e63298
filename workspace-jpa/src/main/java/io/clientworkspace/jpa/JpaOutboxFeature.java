package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.OutboxEventEntity;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** The transactional event outbox: events are written with the change and relayed after commit. */
final class JpaOutboxFeature implements JpaFeature {

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(OutboxEventEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.outbox(new JpaEventOutbox(transactions, clock));
    }
}
