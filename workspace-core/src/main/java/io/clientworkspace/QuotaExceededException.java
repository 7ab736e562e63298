package io.clientworkspace;

import static java.util.Objects.requireNonNull;

/**
 * A workspace's storage quota would be exceeded: the upload or new version was refused and nothing
 * of it was kept. Every stored version counts, also those of trashed files, until they are purged;
 * so the way out is to purge trashed files or to ask for a larger quota. Retrying unchanged will fail
 * again.
 */
public final class QuotaExceededException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    private final WorkspaceId workspaceId;
    private final long quotaBytes;
    private final long usedBytes;

    /**
     * @param workspaceId the workspace whose quota is full
     * @param quotaBytes  the quota in bytes
     * @param usedBytes   the bytes the workspace's stored versions take, before this upload
     */
    public QuotaExceededException(WorkspaceId workspaceId, long quotaBytes, long usedBytes) {
        super("Workspace '" + requireNonNull(workspaceId, "workspaceId must not be null").value() + "' uses "
                + usedBytes + " of its " + quotaBytes + " bytes of storage and this upload does not fit in the rest;"
                + " purge trashed files or ask for a larger quota");
        this.workspaceId = workspaceId;
        this.quotaBytes = quotaBytes;
        this.usedBytes = usedBytes;
    }

    /** The workspace whose quota is full. */
    public WorkspaceId workspaceId() {
        return workspaceId;
    }

    /** The quota in bytes. */
    public long quotaBytes() {
        return quotaBytes;
    }

    /** The bytes the workspace's stored versions took before the refused upload. */
    public long usedBytes() {
        return usedBytes;
    }

    @Override
    public String code() {
        return "quota-exceeded";
    }
}
