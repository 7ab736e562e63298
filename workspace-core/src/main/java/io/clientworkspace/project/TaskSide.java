package io.clientworkspace.project;

/** Which side of the workspace should act on a task. */
public enum TaskSide {
    /** The team: assignable to team members only. */
    TEAM,
    /** The client: assignable to client members who may complete tasks; client members may tick it. */
    CLIENT
}
