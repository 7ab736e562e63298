package io.clientworkspace.spi;

import io.clientworkspace.activity.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A transactional outbox for domain events, making their delivery at-least-once: events are written
 * in the same unit of work as the change they describe, delivered after it commits, and then marked
 * delivered. If the process dies between commit and delivery, {@link #relay} delivers them later.
 *
 * <p>Optional: without an outbox (the in-memory stores) events are delivered straight after commit
 * and lost if the process dies in between, which is fine for data that dies with the process anyway.
 */
public interface EventOutbox {

    /**
     * Stores the events inside the current unit of work, so that they exist exactly when the change
     * does.
     *
     * @return one receipt per event, in order, for {@link #markDelivered}
     */
    List<Long> stage(List<DomainEvent> events);

    /** Marks staged events delivered, so that {@link #relay} skips them. Unknown receipts are ignored. */
    void markDelivered(List<Long> receipts);

    /**
     * Delivers up to {@code limit} events that were staged before {@code stagedBefore} and never marked
     * delivered. An event's staging time is its {@link DomainEvent#occurredAt()}, which comes from the
     * kit's injected clock, so that the kit's clock and the outbox agree in tests too. Events go out
     * oldest first, handing each to {@code deliver} and marking it delivered afterwards.
     * Concurrent relays (several application nodes) should not pick the same events, but may: delivery
     * is at least once, so listeners must tolerate repeats.
     *
     * @return how many events were delivered
     */
    int relay(Instant stagedBefore, int limit, Consumer<DomainEvent> deliver);
}
