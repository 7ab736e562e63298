package io.clientworkspace.memory;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.checkpoint.Checkpoint;
import io.clientworkspace.spi.CheckpointSink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@link CheckpointSink} in memory: for tests and trying things out; gone with the process. Thread-safe. */
public final class InMemoryCheckpointSink implements CheckpointSink {

    private record Key(TenantId tenantId, WorkspaceId workspaceId) {
    }

    private static final Comparator<Checkpoint> NEWEST_FIRST = Comparator.comparingLong(Checkpoint::sequence)
            .thenComparing(Checkpoint::signedAt).reversed();

    private final Map<Key, List<Checkpoint>> checkpoints = new HashMap<>();
    private Optional<Instant> newest = Optional.empty();

    @Override
    public synchronized void publish(Checkpoint checkpoint) {
        requireNonNull(checkpoint, "checkpoint must not be null");
        List<Checkpoint> kept = checkpoints.computeIfAbsent(new Key(checkpoint.tenantId(), checkpoint.workspaceId()),
                k -> new ArrayList<>());
        boolean duplicate = kept.stream().anyMatch(c -> c.sequence() == checkpoint.sequence()
                && c.keyId().equals(checkpoint.keyId()));
        if (!duplicate) {
            kept.add(checkpoint);
            kept.sort(NEWEST_FIRST);
            if (newest.isEmpty() || checkpoint.signedAt().isAfter(newest.get())) {
                newest = Optional.of(checkpoint.signedAt());
            }
        }
    }

    @Override
    public synchronized Optional<Checkpoint> latest(TenantId tenantId, WorkspaceId workspaceId) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        return checkpoints.getOrDefault(new Key(tenantId, workspaceId), List.of()).stream().findFirst();
    }

    @Override
    public synchronized List<Checkpoint> list(TenantId tenantId, WorkspaceId workspaceId, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return checkpoints.getOrDefault(new Key(tenantId, workspaceId), List.of()).stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<Instant> newestSignedAt() {
        return newest;
    }
}
