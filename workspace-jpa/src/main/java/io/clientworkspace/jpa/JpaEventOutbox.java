package io.clientworkspace.jpa;

import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.jpa.entity.OutboxEventEntity;
import io.clientworkspace.spi.EventOutbox;
import jakarta.persistence.LockModeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * {@link EventOutbox} on the {@code cwk_event_outbox} table. Events are stored as JSON with their
 * class name; on relay only classes implementing {@link DomainEvent} are read back. The relay claims
 * rows with {@code FOR UPDATE SKIP LOCKED} where the database supports it, so that several nodes
 * relaying at once rarely pick the same events.
 */
public final class JpaEventOutbox extends JpaStoreSupport implements EventOutbox {

    private static final Logger log = LoggerFactory.getLogger(JpaEventOutbox.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Hibernate's lock timeout value meaning "skip rows locked by others". */
    private static final int SKIP_LOCKED = -2;

    private final Clock clock;

    public JpaEventOutbox(JpaTransactions transactions, Clock clock) {
        super(transactions);
        this.clock = requireNonNull(clock, "clock must not be null");
    }

    @Override
    public List<Long> stage(List<DomainEvent> events) {
        requireNonNull(events, "events must not be null");
        return tx(() -> {
            List<Long> receipts = new ArrayList<>(events.size());
            for (DomainEvent event : events) {
                OutboxEventEntity e = new OutboxEventEntity();
                e.tenantId = event.tenantId().value();
                e.eventType = event.getClass().getName();
                e.payload = JSON.writeValueAsString(event);
                e.createdAt = event.occurredAt();
                e.attempts = 0;
                receipts.add(insert(e, "event", e.eventType).id);
            }
            return receipts;
        });
    }

    @Override
    public void markDelivered(List<Long> receipts) {
        requireNonNull(receipts, "receipts must not be null");
        if (receipts.isEmpty()) {
            return;
        }
        tx(() -> em().createQuery("update CwkOutboxEvent e set e.deliveredAt = :now, e.attempts = e.attempts + 1"
                        + " where e.id in :ids and e.deliveredAt is null")
                .setParameter("now", clock.instant())
                .setParameter("ids", receipts)
                .executeUpdate());
    }

    @Override
    public int relay(Instant stagedBefore, int limit, Consumer<DomainEvent> deliver) {
        requireNonNull(stagedBefore, "stagedBefore must not be null");
        requireNonNull(deliver, "deliver must not be null");
        return tx(() -> {
            List<OutboxEventEntity> pending = em().createQuery("select e from CwkOutboxEvent e"
                            + " where e.deliveredAt is null and e.createdAt < :before order by e.id", OutboxEventEntity.class)
                    .setParameter("before", stagedBefore)
                    .setMaxResults(limit)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                    .getResultList();
            int delivered = 0;
            for (OutboxEventEntity e : pending.stream().sorted(Comparator.comparing(x -> x.id)).toList()) {
                e.attempts++;
                try {
                    deliver.accept(read(e));
                    e.deliveredAt = clock.instant();
                    delivered++;
                } catch (RuntimeException failure) {
                    log.warn("Could not relay outbox event {} ({}); it stays pending", e.id, e.eventType, failure);
                }
            }
            flush("event", "relay");
            pending.forEach(em()::detach);
            return delivered;
        });
    }

    private static DomainEvent read(OutboxEventEntity e) {
        Class<?> type;
        try {
            type = Class.forName(e.eventType, false, JpaEventOutbox.class.getClassLoader());
        } catch (ClassNotFoundException notFound) {
            throw new IllegalStateException("Unknown event type " + e.eventType, notFound);
        }
        if (!DomainEvent.class.isAssignableFrom(type)) {
            throw new IllegalStateException(e.eventType + " is not a DomainEvent; refusing to read it");
        }
        return (DomainEvent) JSON.readValue(e.payload, type);
    }
}
