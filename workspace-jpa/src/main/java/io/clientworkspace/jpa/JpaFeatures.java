package io.clientworkspace.jpa;

import java.util.List;

/**
 * The registry of the JPA adapter: every {@link JpaFeature}, foundation first. Adding a feature's JPA stores
 * is one line here (and new files: the feature's {@code JpaFeature}, stores, entities and migrations, which
 * Flyway finds in the migration folders without registration).
 */
public final class JpaFeatures {

    /** Every feature of the adapter, in the order their stores and entities are registered. */
    public static final List<JpaFeature> ALL = List.of(
            new JpaFoundationFeature(),
            new JpaOutboxFeature(),
            new JpaFileFeature(),
            new JpaApprovalFeature(),
            new JpaRequestFeature(),
            new JpaProjectFeature(),
            new JpaCalendarFeature(),
            new JpaConversationFeature(),
            new JpaReplyFeature(),
            new JpaTemplateFeature(),
            new JpaRecordFeature(),
            new JpaClientRoleFeature(),
            new JpaNotificationFeature(),
            new JpaCheckpointFeature());

    private JpaFeatures() {
    }
}
