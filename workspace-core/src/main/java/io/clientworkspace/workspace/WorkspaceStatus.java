package io.clientworkspace.workspace;

/** A workspace's lifecycle state. */
public enum WorkspaceStatus {
    /** In use. */
    ACTIVE,
    /** Read-only: every mutation is refused with {@link io.clientworkspace.ArchivedException} until restored. */
    ARCHIVED
}
