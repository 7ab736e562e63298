package io.clientworkspace.internal;

import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.DomainEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers events to listeners in registration order; a failing listener is logged and skipped. Also
 * tells {@linkplain #registerStaged staged listeners} about each event the moment an operation publishes
 * it, inside its unit of work, before anyone knows whether it will commit.
 */
public final class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<DomainEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<DomainEvent>> stagedListeners = new CopyOnWriteArrayList<>();
    private final List<Projection> projections = new CopyOnWriteArrayList<>();

    /** Adds a {@link Projection}; projections run in registration order (the features' order). */
    public void registerProjection(Projection projection) {
        projections.add(java.util.Objects.requireNonNull(projection, "projection must not be null"));
    }

    /**
     * Runs every projection on an operation's events, inside its unit of work. Exceptions propagate: a
     * failing projection fails the operation, which then changes nothing.
     */
    public void project(List<DomainEvent> events, java.time.Instant now) {
        if (events.isEmpty()) {
            return;
        }
        for (Projection projection : projections) {
            projection.project(events, now);
        }
    }

    /**
     * Adds a listener that hears each event when it is published, inside the unit of work that made the
     * change (which may still roll back). A staged listener that throws fails the operation: it exists
     * to keep state that must not go wrong silently (the permission cache's record of what the running
     * transaction changed).
     */
    public void registerStaged(Consumer<DomainEvent> listener) {
        stagedListeners.add(listener);
    }

    /** Tells every staged listener about an event just published inside a unit of work. */
    public void staged(DomainEvent event) {
        for (Consumer<DomainEvent> listener : stagedListeners) {
            listener.accept(event);
        }
    }

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
