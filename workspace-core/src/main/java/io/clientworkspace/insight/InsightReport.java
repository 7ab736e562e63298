package io.clientworkspace.insight;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.project.OnboardingFacts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Weekly figures of a tenant or of one workspace.
 *
 * @param workspaceId the workspace, empty for a tenant report
 * @param from        the Monday of the first week
 * @param to          the last day counted (today, UTC)
 * @param weeks       one point per ISO week, oldest first; the last is the current, partial week
 * @param onboarding  time-to-onboard samples recorded during the period
 * @param facts       for a workspace report, its onboarding facts (contract signed, checklist complete, first
 *                    delivery); empty for a tenant report or when the projects feature is unavailable
 */
public record InsightReport(TenantId tenantId, Optional<WorkspaceId> workspaceId, LocalDate from, LocalDate to,
                            List<WeekPoint> weeks, OnboardingSummary onboarding, Optional<OnboardingFacts> facts) {

    public InsightReport {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(from, "from must not be null");
        requireNonNull(to, "to must not be null");
        weeks = List.copyOf(requireNonNull(weeks, "weeks must not be null"));
        requireNonNull(onboarding, "onboarding must not be null");
        requireNonNull(facts, "facts must not be null");
    }
}
