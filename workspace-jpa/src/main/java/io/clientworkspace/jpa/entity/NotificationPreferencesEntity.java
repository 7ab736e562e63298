package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Objects;

/** Row of {@code cwk_notification_preferences}: one member's notification preferences in one tenant. */
@Entity(name = "CwkNotificationPreferences")
@Table(name = "cwk_notification_preferences")
@IdClass(NotificationPreferencesEntity.Key.class)
public class NotificationPreferencesEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "user_id", length = 128, nullable = false)
    public String userId;

    /** {@code KIND=DELIVERY} pairs, comma-separated, in kind order. */
    @Column(name = "per_kind", length = 1000, nullable = false)
    public String perKind;

    @Column(name = "quiet_from")
    public @Nullable LocalTime quietFrom;

    @Column(name = "quiet_to")
    public @Nullable LocalTime quietTo;

    @Column(name = "quiet_zone", length = 64)
    public @Nullable String quietZone;

    @Column(name = "locale", length = 64, nullable = false)
    public String locale;

    @Column(name = "zone", length = 64, nullable = false)
    public String zone;

    @Column(name = "row_version", nullable = false)
    public long version;

    protected NotificationPreferencesEntity() {
    }

    public NotificationPreferencesEntity(String tenantId, String userId) {
        this.tenantId = tenantId;
        this.userId = userId;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String userId;

        public Key() {
        }

        public Key(String tenantId, String userId) {
            this.tenantId = tenantId;
            this.userId = userId;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, userId);
        }
    }
}
