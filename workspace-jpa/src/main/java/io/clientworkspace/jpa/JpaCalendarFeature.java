package io.clientworkspace.jpa;

import io.clientworkspace.jpa.entity.CalendarFeedTokenEntity;
import io.clientworkspace.jpa.entity.ScheduledEventEntity;
import io.clientworkspace.spi.CalendarFeedTokenStore;
import io.clientworkspace.spi.ScheduledEventStore;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.util.List;

/** The workspace calendar: scheduled events and calendar feed tokens (by hash) (migration V12). */
final class JpaCalendarFeature implements JpaFeature {

    @Override
    public String name() {
        return "calendar";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(ScheduledEventEntity.class, CalendarFeedTokenEntity.class);
    }

    @Override
    public void addStores(Stores.Builder stores, JpaTransactions transactions, Clock clock) {
        stores.add(ScheduledEventStore.class, new JpaScheduledEventStore(transactions));
        stores.add(CalendarFeedTokenStore.class, new JpaCalendarFeedTokenStore(transactions));
    }
}
