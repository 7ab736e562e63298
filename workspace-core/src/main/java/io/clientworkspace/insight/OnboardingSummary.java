package io.clientworkspace.insight;

import static java.util.Objects.requireNonNull;

/**
 * Time-to-onboard over a report's period: samples recorded when a checklist completed or a first milestone was
 * delivered during the period (for workspaces whose contract signature was recorded before).
 *
 * @param toChecklist      contract signed to onboarding checklist complete
 * @param toFirstDelivery  contract signed to first milestone delivered
 */
public record OnboardingSummary(DurationStats toChecklist, DurationStats toFirstDelivery) {

    public OnboardingSummary {
        requireNonNull(toChecklist, "toChecklist must not be null");
        requireNonNull(toFirstDelivery, "toFirstDelivery must not be null");
    }
}
