package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.project.OnboardingFacts;

import java.time.Instant;
import java.util.Optional;

/**
 * Stores each workspace's onboarding facts (one row per workspace, created on first write). The "first time" facts
 * are set with conditional updates so that of concurrent callers exactly one sets them; the services call these
 * methods while they hold the workspace's write lock, so two first writes of one workspace never race.
 */
public interface OnboardingStore {

    /** The workspace's facts, if any was recorded. */
    Optional<OnboardingFacts> find(TenantId tenantId, WorkspaceId workspaceId);

    /** Records (or corrects) when the contract was signed; returns the facts as stored. */
    OnboardingFacts recordContractSigned(TenantId tenantId, WorkspaceId workspaceId, Instant signedAt);

    /**
     * Sets when the checklist was completed, unless it is set already (never cleared).
     *
     * @return whether this call set it
     */
    boolean markChecklistCompleted(TenantId tenantId, WorkspaceId workspaceId, Instant at);

    /**
     * Sets when the first milestone was delivered, unless it is set already (never cleared).
     *
     * @return whether this call set it
     */
    boolean markFirstMilestoneDelivered(TenantId tenantId, WorkspaceId workspaceId, Instant at);
}
