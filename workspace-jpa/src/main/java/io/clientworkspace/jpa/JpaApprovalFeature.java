package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.ApprovalEntity;
import io.clientworkspace.jpa.entity.DecisionEntity;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** Approvals: approval requests and their append-only record of decisions. */
final class JpaApprovalFeature implements JpaFeature {

    @Override
    public String name() {
        return "approvals";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(ApprovalEntity.class, DecisionEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(ApprovalStore.class, new JpaApprovalStore(transactions));
    }
}
