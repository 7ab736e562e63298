package io.clientworkspace.activity;

/** Who may see an activity entry or an event. */
public enum Visibility {
    /** Every member of the workspace, clients included. */
    CLIENT,
    /** Team members only; never shown to clients in any list, count, feed, export or event. */
    TEAM
}
