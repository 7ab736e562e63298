package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import org.jspecify.annotations.Nullable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Row of {@code cwk_event_outbox}: a domain event written in the same transaction as the change it
 * describes, delivered to listeners after commit and then marked delivered.
 */
@Entity(name = "CwkOutboxEvent")
@Table(name = "cwk_event_outbox")
public class OutboxEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    public Long id;

    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Column(name = "event_type", length = 300, nullable = false)
    public String eventType;

    @Column(name = "payload", length = 100000, nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public @Nullable Instant deliveredAt;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    public OutboxEventEntity() {
    }
}
