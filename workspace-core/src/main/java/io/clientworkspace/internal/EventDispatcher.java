package io.clientworkspace.internal;

import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.DomainEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Delivers events to listeners in registration order; a failing listener is logged and skipped. */
public final class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener after those already registered. */
    public void register(DomainEventListener listener) {
        listeners.add(listener);
    }

    /** Delivers each event to every listener. */
    public void dispatch(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            for (DomainEventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    log.warn("Domain event listener {} failed on {}; the operation itself has committed",
                            listener, event.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
