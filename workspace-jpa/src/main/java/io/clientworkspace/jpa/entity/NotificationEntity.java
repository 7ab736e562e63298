package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** Row of {@code cwk_notification}: one queued notification item for one recipient. */
@Entity(name = "CwkNotification")
@Table(name = "cwk_notification")
public class NotificationEntity {

    @Id
    @Column(name = "id", length = 128, nullable = false)
    public String id;

    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Column(name = "recipient", length = 128, nullable = false)
    public String recipient;

    @Column(name = "recipient_kind", length = 16, nullable = false)
    public String recipientKind;

    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Column(name = "kind", length = 32, nullable = false)
    public String kind;

    @Column(name = "subject_type", length = 32, nullable = false)
    public String subjectType;

    @Column(name = "subject_id", length = 200, nullable = false)
    public String subjectId;

    @Column(name = "title", length = 1000, nullable = false)
    public String title;

    /** The required permissions, comma-separated enum names in order. */
    @Column(name = "requires", length = 1000, nullable = false)
    public String requires;

    @Column(name = "delivery_mode", length = 16, nullable = false)
    public String mode;

    @Column(name = "item_count", nullable = false)
    public int count;

    @Column(name = "first_at", nullable = false)
    public Instant firstAt;

    @Column(name = "last_at", nullable = false)
    public Instant lastAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "claim_token", length = 128)
    public @Nullable String claimToken;

    @Column(name = "claimed_until")
    public @Nullable Instant claimedUntil;

    @Column(name = "row_version", nullable = false)
    public long version;

    protected NotificationEntity() {
    }

    public NotificationEntity(String id) {
        this.id = id;
    }
}
