package io.clientworkspace.dashboard;

/** Ascending or descending; descending is the exact reverse of ascending. */
public enum SortDirection {
    /** The sort's natural order (see {@link DashboardSort}). */
    ASCENDING,
    /** The reverse. */
    DESCENDING
}
