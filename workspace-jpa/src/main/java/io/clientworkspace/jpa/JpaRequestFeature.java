package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.FormAssignmentEntity;
import io.clientworkspace.jpa.entity.FormEntity;
import io.clientworkspace.jpa.entity.RequestEntity;
import io.clientworkspace.spi.FormAssignmentStore;
import io.clientworkspace.spi.FormStore;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** Requests and intake forms: versioned form definitions, client requests and form assignments (V9). */
final class JpaRequestFeature implements JpaFeature {

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(FormEntity.class, RequestEntity.class, FormAssignmentEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(FormStore.class, new JpaFormStore(transactions))
                .add(RequestStore.class, new JpaRequestStore(transactions))
                .add(FormAssignmentStore.class, new JpaFormAssignmentStore(transactions));
    }
}
