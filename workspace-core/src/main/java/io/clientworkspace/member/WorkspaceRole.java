package io.clientworkspace.member;

import io.clientworkspace.ActorKind;

/** A member's role in one workspace. Team roles go to team users, client roles to client users. */
public enum WorkspaceRole {
    /** Runs the workspace for the team. Every workspace keeps at least one lead. */
    LEAD(ActorKind.TEAM, 0),
    /** Works in the workspace for the team. */
    MEMBER(ActorKind.TEAM, 0),
    /** The client's administrator: may invite other client users with a role up to its own. */
    CLIENT_ADMIN(ActorKind.CLIENT, 3),
    /** A client user who takes part: uploads, decides approvals, posts messages, submits requests. */
    CLIENT_CONTRIBUTOR(ActorKind.CLIENT, 2),
    /** A client user who only looks. */
    CLIENT_VIEWER(ActorKind.CLIENT, 1);

    private final ActorKind kind;
    private final int clientRank;

    WorkspaceRole(ActorKind kind, int clientRank) {
        this.kind = kind;
        this.clientRank = clientRank;
    }

    /** Which kind of user may hold this role. */
    public ActorKind kind() {
        return kind;
    }

    /** Whether this is a client role. */
    public boolean isClientRole() {
        return kind == ActorKind.CLIENT;
    }

    /**
     * Whether this client role is at most as powerful as {@code other} (used so that a client admin
     * cannot invite someone above itself). Always false when either role is a team role.
     */
    public boolean isClientRoleAtMost(WorkspaceRole other) {
        return isClientRole() && other.isClientRole() && clientRank <= other.clientRank;
    }
}
