package io.clientworkspace.message;

/** The kinds of item a conversation can be attached to. */
public enum ItemType {
    /** A file of the workspace. */
    FILE,
    /** An approval request of the workspace. */
    APPROVAL,
    /** A client request of the workspace. */
    REQUEST
}
