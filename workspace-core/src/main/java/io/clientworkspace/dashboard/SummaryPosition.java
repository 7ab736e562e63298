package io.clientworkspace.dashboard;

import io.clientworkspace.WorkspaceId;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A row's place in a {@link DashboardSort}: its sort key and its workspace id. {@link io.clientworkspace.spi.DashboardStore#page}
 * returns the rows strictly after a position in the requested order (keyset paging).
 *
 * @param at          the key of the instant sorts ({@link DashboardSort#LAST_CLIENT_ACTIVITY}: last client activity,
 *                    {@link DashboardSort#OLDEST_PENDING}: {@link WorkspaceSummary#oldestPendingAt()}); empty for
 *                    "none" (and for {@link DashboardSort#NAME})
 * @param sortName    the key of {@link DashboardSort#NAME} ({@link WorkspaceSummary#sortName()}); empty string for the
 *                    other sorts
 * @param workspaceId the tie-breaker
 */
public record SummaryPosition(Optional<Instant> at, String sortName, WorkspaceId workspaceId) {

    public SummaryPosition {
        requireNonNull(at, "at must not be null");
        requireNonNull(sortName, "sortName must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
    }

    /** The position of {@code row} in {@code sort}. */
    public static SummaryPosition of(WorkspaceSummary row, DashboardSort sort) {
        requireNonNull(row, "row must not be null");
        requireNonNull(sort, "sort must not be null");
        return switch (sort) {
            case LAST_CLIENT_ACTIVITY -> new SummaryPosition(row.lastClientActivityAt(), "", row.workspaceId());
            case OLDEST_PENDING -> new SummaryPosition(row.oldestPendingAt(), "", row.workspaceId());
            case NAME -> new SummaryPosition(Optional.empty(), row.sortName(), row.workspaceId());
        };
    }

    /**
     * The order of positions in {@code sort} and {@code direction}, the specification of every store's ORDER BY:
     * ascending LAST_CLIENT_ACTIVITY = (no activity first, then {@code at} ascending, then workspace id); ascending
     * OLDEST_PENDING = ({@code at} ascending, nothing pending last, then workspace id); ascending NAME = (sort name in
     * code-unit order, then workspace id); DESCENDING reverses the whole order.
     */
    public static Comparator<SummaryPosition> order(DashboardSort sort, SortDirection direction) {
        requireNonNull(sort, "sort must not be null");
        requireNonNull(direction, "direction must not be null");
        Comparator<SummaryPosition> byKey = switch (sort) {
            case LAST_CLIENT_ACTIVITY -> Comparator.comparing(p -> p.at().orElse(null),
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
            case OLDEST_PENDING -> Comparator.comparing(p -> p.at().orElse(null),
                    Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
            case NAME -> Comparator.comparing(SummaryPosition::sortName);
        };
        Comparator<SummaryPosition> ascending = byKey.thenComparing(SummaryPosition::workspaceId);
        return direction == SortDirection.ASCENDING ? ascending : ascending.reversed();
    }
}
