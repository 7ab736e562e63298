package io.clientworkspace.project;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The stored facts of a workspace's onboarding, for time-to-onboard. Team facts: clients never see them.
 *
 * @param contractSignedAt           when the contract was signed, as the host recorded it
 * @param checklistCompletedAt       the first time every task of the onboarding checklist was done (never cleared)
 * @param firstMilestoneDeliveredAt  the first time any milestone of the workspace was delivered (never cleared)
 */
public record OnboardingFacts(TenantId tenantId, WorkspaceId workspaceId, Optional<Instant> contractSignedAt,
                              Optional<Instant> checklistCompletedAt, Optional<Instant> firstMilestoneDeliveredAt) {

    public OnboardingFacts {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(contractSignedAt, "contractSignedAt must not be null");
        requireNonNull(checklistCompletedAt, "checklistCompletedAt must not be null");
        requireNonNull(firstMilestoneDeliveredAt, "firstMilestoneDeliveredAt must not be null");
    }

    /** No facts yet. */
    public static OnboardingFacts none(TenantId tenantId, WorkspaceId workspaceId) {
        return new OnboardingFacts(tenantId, workspaceId, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** From the signed contract to the completed checklist, when both are known. */
    public Optional<Duration> timeToChecklist() {
        return contractSignedAt.flatMap(s -> checklistCompletedAt.map(c -> Duration.between(s, c)));
    }

    /** Time-to-onboard: from the signed contract to the first delivered milestone, when both are known. */
    public Optional<Duration> timeToFirstDelivery() {
        return contractSignedAt.flatMap(s -> firstMilestoneDeliveredAt.map(d -> Duration.between(s, d)));
    }
}
