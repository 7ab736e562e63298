package io.clientworkspace.dashboard;

/**
 * The orders of the dashboard. Each is a total order (ties broken by workspace id, code-unit order); descending
 * ({@link SortDirection#DESCENDING}) is exactly the reverse of ascending, ties and empty values included.
 */
public enum DashboardSort {
    /**
     * By {@link WorkspaceSummary#lastClientActivityAt()}; ascending puts the quietest first: workspaces without
     * any client activity ("never") first, then oldest activity first.
     */
    LAST_CLIENT_ACTIVITY,
    /**
     * By {@link WorkspaceSummary#oldestPendingAt()} (the older of the oldest pending approval and the oldest open
     * request); ascending puts the longest-waiting first and workspaces with nothing pending last.
     */
    OLDEST_PENDING,
    /** By {@link WorkspaceSummary#sortName()} (the name lower-cased with {@code Locale.ROOT}, code-unit order). */
    NAME
}
