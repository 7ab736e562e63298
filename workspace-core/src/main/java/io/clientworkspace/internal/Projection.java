package io.clientworkspace.internal;

import io.clientworkspace.activity.DomainEvent;

import java.time.Instant;
import java.util.List;

/**
 * A read model kept in the same unit of work as the change it describes (the operator dashboard's
 * summaries, the insights' daily rollups, the notification queue). {@link Kernel#write} calls every
 * registered projection once per operation, after the operation's own writes and before the commit,
 * with every event the operation published, in order. A projection writes only its own stores and
 * publishes no events; if it throws, the whole operation rolls back, so a read model never misses a
 * committed change and never records one that did not commit.
 */
@FunctionalInterface
public interface Projection {

    /**
     * Brings the read model up to date with the operation's events.
     *
     * @param events the events the operation published, in publication order; never empty
     * @param now    the operation's time ({@link Changes#now()})
     */
    void project(List<DomainEvent> events, Instant now);
}
