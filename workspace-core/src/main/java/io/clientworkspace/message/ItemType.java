package io.clientworkspace.message;

/** The kinds of item a conversation can be attached to. */
public enum ItemType {
    /** A file of the workspace. */
    FILE,
    /** An approval request of the workspace. */
    APPROVAL,
    /** A client request of the workspace. */
    REQUEST,
    /** A task of the workspace (projects feature); its conversation takes the task's effective visibility. */
    TASK,
    /** A status update of a project (projects feature); its conversation takes the update's effective visibility. */
    STATUS_UPDATE
}
