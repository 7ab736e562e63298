package io.clientworkspace.checkpoint;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.spi.CheckpointSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A {@link CheckpointSink} that writes one INFO line per checkpoint to the logger
 * {@code io.clientworkspace.checkpoint} after handing it to another sink, which it also reads from.
 * Log shipping then keeps a copy outside the database. The line holds every signed field and the
 * signature, so that a third party can verify it from the log alone:
 * <pre>
 * checkpoint v1 tenant=t1 workspace=w1 sequence=42 head=9f2c... entries=42 signed-at=2026-12-06T08:00:00Z key=3b1f... signature=Base64...
 * </pre>
 */
public final class LoggingCheckpointSink implements CheckpointSink {

    /** The logger the lines go to. */
    public static final String LOGGER = "io.clientworkspace.checkpoint";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final CheckpointSink delegate;

    /** Logs, then keeps checkpoints in {@code delegate}. */
    public LoggingCheckpointSink(CheckpointSink delegate) {
        this.delegate = requireNonNull(delegate, "delegate must not be null");
    }

    /** The line logged for a checkpoint (without the logger's own prefix). */
    public static String line(Checkpoint c) {
        requireNonNull(c, "c must not be null");
        return "checkpoint v1 tenant=" + c.tenantId().value() + " workspace=" + c.workspaceId().value()
                + " sequence=" + c.sequence() + " head=" + c.headHash() + " entries=" + c.entryCount()
                + " signed-at=" + DateTimeFormatter.ISO_INSTANT.format(c.signedAt()) + " key=" + c.keyId()
                + " signature=" + c.signature();
    }

    @Override
    public void publish(Checkpoint checkpoint) {
        requireNonNull(checkpoint, "checkpoint must not be null");
        delegate.publish(checkpoint);
        log.info(line(checkpoint));
    }

    @Override
    public Optional<Checkpoint> latest(TenantId tenantId, WorkspaceId workspaceId) {
        return delegate.latest(tenantId, workspaceId);
    }

    @Override
    public List<Checkpoint> list(TenantId tenantId, WorkspaceId workspaceId, int limit) {
        return delegate.list(tenantId, workspaceId, limit);
    }

    @Override
    public Optional<Instant> newestSignedAt() {
        return delegate.newestSignedAt();
    }

    /** The sink this one writes to. */
    public CheckpointSink delegate() {
        return delegate;
    }
}
