package io.clientworkspace.internal;

import io.clientworkspace.IdGenerator;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.spi.EventOutbox;
import io.clientworkspace.spi.Stores;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * What every service needs: the stores, the clock, ids, validation, and {@link #write}, which runs one
 * operation as a unit of work and publishes its events only after it committed.
 */
public final class Kernel {

    private final Stores stores;
    private final Clock clock;
    private final IdGenerator ids;
    private final InputValidator validator;
    private final EventDispatcher events;

    public Kernel(Stores stores, Clock clock, IdGenerator ids, InputValidator validator, EventDispatcher events) {
        this.stores = requireNonNull(stores, "stores must not be null");
        this.clock = requireNonNull(clock, "clock must not be null");
        this.ids = requireNonNull(ids, "ids must not be null");
        this.validator = requireNonNull(validator, "validator must not be null");
        this.events = requireNonNull(events, "events must not be null");
    }

    /**
     * Delivers events that were committed but never delivered (the process died in between), if the
     * stores have an outbox; see {@link EventOutbox#relay}.
     */
    public int relayUndeliveredEvents(java.time.Duration olderThan, int limit) {
        return stores.outbox()
                .map(outbox -> outbox.relay(clock.instant().minus(olderThan), limit, e -> events.dispatch(List.of(e))))
                .orElse(0);
    }

    /**
     * Registers a read model that every {@link #write} keeps inside its unit of work (see {@link Projection}).
     * Features call it while the kit is built.
     */
    public void addProjection(Projection projection) {
        events.registerProjection(projection);
    }

    public Stores stores() {
        return stores;
    }

    public Clock clock() {
        return clock;
    }

    /** The current time, truncated to microseconds so that every store keeps it exactly. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A new id. */
    public String newId() {
        return ids.newId();
    }

    /** Validates a command record, see {@link InputValidator#validate}. */
    public void validate(Object input) {
        validator.validate(input);
    }

    /**
     * Runs {@code work} as one unit of work. Activity recorded and events published through the
     * {@link Changes} become visible only if it returns; events are dispatched after commit.
     */
    public <T> T write(Function<Changes, T> work) {
        Changes changes = new Changes(stores.activity(), ids, now(), events::staged);
        return stores.unitOfWork().execute(() -> {
            T result = work.apply(changes);
            List<DomainEvent> published = changes.events();
            events.project(published, changes.now());
            if (!published.isEmpty()) {
                if (stores.outbox().isPresent()) {
                    EventOutbox outbox = stores.outbox().get();
                    List<Long> receipts = outbox.stage(published);
                    stores.unitOfWork().afterCommit(() -> {
                        events.dispatch(published);
                        outbox.markDelivered(receipts);
                    });
                } else {
                    stores.unitOfWork().afterCommit(() -> events.dispatch(published));
                }
            }
            return result;
        });
    }
}
