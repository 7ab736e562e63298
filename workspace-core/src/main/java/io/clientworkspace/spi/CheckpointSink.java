package io.clientworkspace.spi;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.checkpoint.Checkpoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where signed {@link Checkpoint}s go, and where verification reads them back.
 *
 * <p><b>Keep it outside the database that holds the activity log.</b> A checkpoint protects the record
 * only from someone who cannot also delete or replace the checkpoint: whoever can write the activity
 * table and the checkpoint table of one database can rewrite history and drop the checkpoints that
 * would reveal it. Good homes: another database or account, an object store with retention locks
 * (S3 Object Lock), an append-only log service, a transparency log. The kit's defaults keep a table
 * next to the log (convenient, and enough against accidents) <em>and</em> write each checkpoint to the
 * application log ({@link io.clientworkspace.checkpoint.LoggingCheckpointSink}), so that log shipping
 * keeps a copy elsewhere. Checkpoints are signed, so the sink needs no secrecy, only retention.
 *
 * <p>Implementations must be thread-safe. Every implementation must pass the TCK's
 * {@code CheckpointSinkContract}.
 */
public interface CheckpointSink {

    /**
     * Keeps a checkpoint durably before returning. Publishing a checkpoint with the same tenant,
     * workspace, sequence and key id as one already kept keeps the first and returns normally.
     */
    void publish(Checkpoint checkpoint);

    /** The workspace's checkpoint with the highest sequence (the latest signed when several share it). */
    Optional<Checkpoint> latest(TenantId tenantId, WorkspaceId workspaceId);

    /** Up to {@code limit} of the workspace's checkpoints, highest sequence first. */
    List<Checkpoint> list(TenantId tenantId, WorkspaceId workspaceId, int limit);

    /**
     * The latest signing time of any checkpoint kept, so that signing resumes after a restart without
     * revisiting every workspace. Empty when nothing is kept, or when the sink cannot tell cheaply (then
     * the first signing run after a start looks at every workspace's head once).
     */
    default Optional<Instant> newestSignedAt() {
        return Optional.empty();
    }
}
