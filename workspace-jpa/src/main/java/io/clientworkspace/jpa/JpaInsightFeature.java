package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.InsightOnTimeEntity;
import io.clientworkspace.jpa.entity.InsightRollupEntity;
import io.clientworkspace.jpa.entity.InsightVisitEntity;
import io.clientworkspace.spi.InsightStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** Insights: the visit dedupe state and the daily rollups (migration V16). */
final class JpaInsightFeature implements JpaFeature {

    @Override
    public String name() {
        return "insights";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(InsightVisitEntity.class, InsightRollupEntity.class, InsightOnTimeEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(InsightStore.class, new JpaInsightStore(transactions));
    }
}
