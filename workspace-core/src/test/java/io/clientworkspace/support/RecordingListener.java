package io.clientworkspace.support;

import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.DomainEventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every event it is given, in order. */
public final class RecordingListener implements DomainEventListener {

    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(DomainEvent event) {
        events.add(event);
    }

    /** Every event so far. */
    public List<DomainEvent> all() {
        return List.copyOf(events);
    }

    /** The events of one type so far. */
    public <T extends DomainEvent> List<T> ofType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets what was recorded. */
    public void clear() {
        events.clear();
    }
}
