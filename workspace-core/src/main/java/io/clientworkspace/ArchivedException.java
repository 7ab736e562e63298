package io.clientworkspace;

import static java.util.Objects.requireNonNull;

/** The workspace is archived and therefore read-only; restore it before changing anything in it. */
public final class ArchivedException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    private final WorkspaceId workspaceId;

    public ArchivedException(WorkspaceId workspaceId) {
        super("Workspace '" + requireNonNull(workspaceId, "workspaceId must not be null")
                + "' is archived and read-only; restore it first");
        this.workspaceId = workspaceId;
    }

    /** The archived workspace. */
    public WorkspaceId workspaceId() {
        return workspaceId;
    }

    @Override
    public String code() {
        return "archived";
    }
}
