package io.clientworkspace;

/** Which side of the relationship a user is on. */
public enum ActorKind {
    /** A user of the host's own organisation (the agency's staff). */
    TEAM,
    /** A user of a client account, who sees only what is shared with their workspace. */
    CLIENT
}
