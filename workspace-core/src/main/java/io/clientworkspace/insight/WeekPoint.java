package io.clientworkspace.insight;

import java.time.LocalDate;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One ISO week (Monday to Sunday, UTC) of a report.
 *
 * @param weekStart           the Monday
 * @param partial             whether the week is still running (the report's last week)
 * @param weeklyActiveClients distinct client users who visited during the week
 * @param approvalTurnaround  approval turnaround of the approvals decided during the week
 * @param firstResponse       request first-response times of first responses during the week
 * @param resolution          request resolution times of resolutions during the week
 * @param itemsOverdue        tasks and milestones that became overdue during the week
 * @param itemsOnTime         tasks and milestones completed on or before their due date during the week
 * @param overdueRate         {@code itemsOverdue / (itemsOverdue + itemsOnTime)}, empty when both are 0
 */
public record WeekPoint(LocalDate weekStart, boolean partial, long weeklyActiveClients,
                        DurationStats approvalTurnaround, DurationStats firstResponse, DurationStats resolution,
                        long itemsOverdue, long itemsOnTime, Optional<Double> overdueRate) {

    public WeekPoint {
        requireNonNull(weekStart, "weekStart must not be null");
        requireNonNull(approvalTurnaround, "approvalTurnaround must not be null");
        requireNonNull(firstResponse, "firstResponse must not be null");
        requireNonNull(resolution, "resolution must not be null");
        requireNonNull(overdueRate, "overdueRate must not be null");
    }
}
