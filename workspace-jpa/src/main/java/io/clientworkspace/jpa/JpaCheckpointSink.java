package io.clientworkspace.jpa;

import io.clientworkspace.ConflictException;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.checkpoint.Checkpoint;
import io.clientworkspace.jpa.entity.CheckpointEntity;
import io.clientworkspace.spi.CheckpointSink;
import jakarta.persistence.EntityManagerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@link CheckpointSink} in the table {@code cwk_activity_checkpoint} (migration V6).
 *
 * <p>Convenient, and a guard against accidents, but it lives in the same database as the activity log
 * when given the kit's own transactions: a database writer who rewrites the log can delete these rows
 * too. Give it an {@link EntityManagerFactory} of <em>another</em> database (or account) when that
 * matters, or put a sink outside any database in front of it; the starter also writes every checkpoint
 * to the application log.
 */
public final class JpaCheckpointSink extends JpaStoreSupport implements CheckpointSink {

    /** A sink on resource-local transactions of {@code emf} (which must have {@link CheckpointEntity} registered). */
    public JpaCheckpointSink(EntityManagerFactory emf) {
        this(new ResourceLocalTransactions(requireNonNull(emf, "emf must not be null")));
    }

    /** A sink on the given transactions. */
    public JpaCheckpointSink(JpaTransactions transactions) {
        super(transactions);
    }

    @Override
    public void publish(Checkpoint checkpoint) {
        requireNonNull(checkpoint, "checkpoint must not be null");
        try {
            tx(() -> {
                if (exists(checkpoint)) {
                    return null;
                }
                CheckpointEntity e = new CheckpointEntity(checkpoint.tenantId().value(), checkpoint.workspaceId().value(),
                        checkpoint.sequence(), checkpoint.keyId());
                e.headHash = checkpoint.headHash();
                e.entryCount = checkpoint.entryCount();
                e.signedAt = checkpoint.signedAt();
                e.signature = checkpoint.signature();
                insert(e, "checkpoint", checkpoint.workspaceId() + "@" + checkpoint.sequence());
                return null;
            });
        } catch (ConflictException concurrentDuplicate) {
            // Another node published the same checkpoint between our check and our insert: keep theirs.
            if (!tx(() -> exists(checkpoint))) {
                throw concurrentDuplicate;
            }
        }
    }

    private boolean exists(Checkpoint c) {
        return em().find(CheckpointEntity.class, new CheckpointEntity.Key(c.tenantId().value(), c.workspaceId().value(),
                c.sequence(), c.keyId())) != null;
    }

    @Override
    public Optional<Checkpoint> latest(TenantId tenantId, WorkspaceId workspaceId) {
        return list(tenantId, workspaceId, 1).stream().findFirst();
    }

    @Override
    public List<Checkpoint> list(TenantId tenantId, WorkspaceId workspaceId, int limit) {
        requireNonNull(tenantId, "tenantId must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return tx(() -> mapDetached(em().createQuery("select c from CwkActivityCheckpoint c where c.tenantId = :tenant"
                        + " and c.workspaceId = :workspace order by c.sequence desc, c.signedAt desc, c.keyId",
                        CheckpointEntity.class)
                .setParameter("tenant", tenantId.value())
                .setParameter("workspace", workspaceId.value())
                .setMaxResults(limit)
                .getResultList(), JpaCheckpointSink::toDomain));
    }

    @Override
    public Optional<Instant> newestSignedAt() {
        return tx(() -> Optional.ofNullable(em().createQuery("select max(c.signedAt) from CwkActivityCheckpoint c",
                Instant.class).getSingleResult()));
    }

    static Checkpoint toDomain(CheckpointEntity e) {
        return new Checkpoint(TenantId.of(e.tenantId), WorkspaceId.of(e.workspaceId), e.sequence, e.headHash,
                e.entryCount, e.signedAt, e.keyId, e.signature);
    }
}
