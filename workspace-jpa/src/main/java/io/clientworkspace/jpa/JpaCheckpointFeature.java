package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.CheckpointEntity;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/**
 * Signed checkpoints of the activity chains. Its {@link JpaCheckpointSink} is handed to the kit as its
 * checkpoint sink, not held in {@code Stores}, so the feature only contributes its entity.
 */
final class JpaCheckpointFeature implements JpaFeature {

    @Override
    public String name() {
        return "checkpoints";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(CheckpointEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        // nothing: the sink is not a store of the set
    }
}
