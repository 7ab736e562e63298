package io.clientworkspace;

import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A workspace's storage quota would be exceeded: the upload or new version was refused and nothing
 * of it was kept. Every stored version counts, also those of trashed files, until they are purged;
 * so the way out is to purge trashed files or to ask for a larger quota. Retrying unchanged will fail
 * again.
 *
 * <p>The bytes used are told only to the team: they count internal files, which a client never learns
 * anything about.
 */
public final class QuotaExceededException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    private final WorkspaceId workspaceId;
    private final long quotaBytes;
    private final OptionalLong usedBytes;

    /**
     * @param workspaceId the workspace whose quota is full
     * @param quotaBytes  the quota in bytes
     * @param usedBytes   the bytes the workspace's stored versions take, before this upload; empty when the
     *                    caller may not learn it (a client)
     */
    public QuotaExceededException(WorkspaceId workspaceId, long quotaBytes, OptionalLong usedBytes) {
        super(message(workspaceId, quotaBytes, usedBytes));
        this.workspaceId = workspaceId;
        this.quotaBytes = quotaBytes;
        this.usedBytes = usedBytes;
    }

    private static String message(WorkspaceId workspaceId, long quotaBytes, OptionalLong usedBytes) {
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(usedBytes, "usedBytes must not be null");
        return usedBytes.isPresent()
                ? "Workspace '" + workspaceId.value() + "' uses " + usedBytes.getAsLong() + " of its " + quotaBytes
                        + " bytes of storage and this upload does not fit in the rest; purge trashed files or ask for"
                        + " a larger quota"
                : "Workspace '" + workspaceId.value() + "' has no room left for this upload in its storage quota of "
                        + quotaBytes + " bytes; ask the team to make room";
    }

    /** The workspace whose quota is full. */
    public WorkspaceId workspaceId() {
        return workspaceId;
    }

    /** The quota in bytes. */
    public long quotaBytes() {
        return quotaBytes;
    }

    /** The bytes the workspace's stored versions took before the refused upload, if the caller may know it. */
    public OptionalLong usedBytes() {
        return usedBytes;
    }

    @Override
    public String code() {
        return "quota-exceeded";
    }
}
