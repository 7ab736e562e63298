package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.DashboardSummaryEntity;
import io.clientworkspace.spi.DashboardStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** The operator dashboard's read model: one summary row per workspace (migration V15). */
final class JpaDashboardFeature implements JpaFeature {

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(DashboardSummaryEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(DashboardStore.class, new JpaDashboardStore(transactions));
    }
}
