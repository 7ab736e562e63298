package io.clientworkspace.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A workspace's onboarding facts ({@code cwk_onboarding}); the store changes them only with conditional updates. */
@Entity(name = "CwkOnboarding")
@Table(name = "cwk_onboarding")
@IdClass(OnboardingEntity.Key.class)
public class OnboardingEntity {

    @Id
    @Column(name = "tenant_id", length = 128, nullable = false)
    public String tenantId;

    @Id
    @Column(name = "workspace_id", length = 128, nullable = false)
    public String workspaceId;

    @Column(name = "contract_signed_at")
    public @Nullable Instant contractSignedAt;

    @Column(name = "checklist_completed_at")
    public @Nullable Instant checklistCompletedAt;

    @Column(name = "first_milestone_delivered_at")
    public @Nullable Instant firstMilestoneDeliveredAt;

    protected OnboardingEntity() {
    }

    public OnboardingEntity(String tenantId, String workspaceId) {
        this.tenantId = tenantId;
        this.workspaceId = workspaceId;
    }

    /** Primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public @Nullable String tenantId;
        public @Nullable String workspaceId;

        public Key() {
        }

        public Key(String tenantId, String workspaceId) {
            this.tenantId = tenantId;
            this.workspaceId = workspaceId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId)
                    && Objects.equals(workspaceId, k.workspaceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, workspaceId);
        }
    }
}
