package io.clientworkspace.insight;

/**
 * What a daily rollup row counts. Duration metrics ({@link #isDuration()}) hold one sample per occurrence: count,
 * sum of seconds and histogram buckets; count metrics hold a count only.
 */
public enum InsightMetric {
    /** Distinct client users who visited on that day (one per user per day and scope). */
    DAILY_ACTIVE_CLIENTS(false),
    /**
     * Client users whose first visit of the ISO week was on that day; the sum over a week's days is the week's
     * distinct active client users.
     */
    WEEKLY_ACTIVE_CLIENTS(false),
    /**
     * Approval turnaround. Workspace and tenant scopes: from the request to its resolution as APPROVED, REJECTED
     * or CHANGES_REQUESTED (cancelled, expired and superseded requests are not decisions). Client-user scope: from
     * the request to that client's own decision, sampled on the day of the decision.
     */
    APPROVAL_TURNAROUND(true),
    /** From a request's submission to the team's first response (first status change or client-visible message). */
    REQUEST_FIRST_RESPONSE(true),
    /** From a request's submission to its resolution (DONE or DECLINED); sampled at each resolution. */
    REQUEST_RESOLUTION(true),
    /** From the signed contract to the completed onboarding checklist; sampled when the checklist completes. */
    TIME_TO_CHECKLIST(true),
    /** From the signed contract to the first delivered milestone; sampled when it is delivered. */
    TIME_TO_FIRST_DELIVERY(true),
    /** Tasks and milestones the overdue sweep found past due and not done (once per item and due date). */
    ITEMS_OVERDUE(false),
    /**
     * Tasks completed and milestones delivered on or before their due date (UTC day), once per item and due date
     * (completing a reopened item again before the same due date counts nothing more).
     */
    ITEMS_ON_TIME(false);

    private final boolean duration;

    InsightMetric(boolean duration) {
        this.duration = duration;
    }

    /** Whether rows of this metric hold duration samples (sum and histogram) rather than a bare count. */
    public boolean isDuration() {
        return duration;
    }
}
