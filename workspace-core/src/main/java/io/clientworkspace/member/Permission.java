package io.clientworkspace.member;

/**
 * Everything an actor may be allowed to do inside a workspace. The default grants per role are in
 * {@link PermissionMatrix#defaults()} and printed in the README.
 */
public enum Permission {
    /** See the workspace, its members and its client-visible content and activity. */
    VIEW_WORKSPACE(false),
    /** See internal (team-only) items: internal files, internal notes, team activity. */
    VIEW_INTERNAL(true),
    /** Rename the workspace and change its branding. */
    EDIT_WORKSPACE(true),
    /** Add, remove and change the roles of members; hand over the lead. */
    MANAGE_MEMBERS(true),
    /** Invite client users and revoke invitations. */
    INVITE_CLIENTS(false),
    /** Upload files and new versions. */
    UPLOAD_FILES(false),
    /** Delete files. */
    DELETE_FILES(false),
    /** Ask members to approve a file version or deliverable. */
    REQUEST_APPROVALS(false),
    /** Approve, reject or request changes when asked to. */
    DECIDE_APPROVALS(false),
    /** Post client-visible messages. */
    POST_MESSAGES(false),
    /** Post internal notes that clients never see. */
    POST_INTERNAL_NOTES(true),
    /** Submit client requests through intake forms. */
    SUBMIT_REQUESTS(false),
    /** Triage and work on client requests, and edit intake forms. */
    MANAGE_REQUESTS(true),
    /** Create and change projects, milestones, tasks and status updates. */
    MANAGE_PROJECTS(true),
    /**
     * Tick tasks done (and undo it): for a client, the client-side tasks assigned to them or to nobody; the team
     * completes any task it sees with {@link #MANAGE_PROJECTS}.
     */
    COMPLETE_TASKS(false),
    /** Export the workspace's content. */
    EXPORT(false),
    /** Archive and restore the workspace. */
    ARCHIVE_WORKSPACE(true),
    /** See the workspace in the operator dashboard, with engagement metrics. */
    VIEW_DASHBOARD(true),
    /** See invoices and amounts of money in the host's linked records. */
    VIEW_BILLING(false),
    /** Push and change the host's linked records (invoices, tickets, contracts, reports, maintenance windows). */
    MANAGE_RECORDS(true);

    private final boolean teamOnly;

    Permission(boolean teamOnly) {
        this.teamOnly = teamOnly;
    }

    /** Whether this permission can only ever be held by team roles. */
    public boolean teamOnly() {
        return teamOnly;
    }
}
