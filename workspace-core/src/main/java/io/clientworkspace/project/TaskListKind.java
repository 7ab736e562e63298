package io.clientworkspace.project;

/** What a task list is for. */
public enum TaskListKind {
    /** An ordinary list, in a project or at workspace level. */
    PROJECT,
    /** The workspace's onboarding checklist: at most one per workspace, client-visible, in no project. */
    ONBOARDING
}
