package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.NotificationEntity;
import io.clientworkspace.jpa.entity.NotificationPreferencesEntity;
import io.clientworkspace.spi.NotificationStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** Notifications: members' preferences and the notification queue (migration V17). */
final class JpaNotificationFeature implements JpaFeature {

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(NotificationPreferencesEntity.class, NotificationEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(NotificationStore.class, new JpaNotificationStore(transactions));
    }
}
