package io.clientworkspace.checkpoint;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.ChainAnchor;
import io.clientworkspace.activity.ChainVerification;
import io.clientworkspace.member.Permission;
import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.CheckpointSink;
import io.clientworkspace.workspace.WorkspaceAccess;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Signs the heads of the activity chains that moved, and verifies a chain against checkpoints.
 *
 * <p><b>Signing</b> ({@link #signChangedWorkspaces()}, called by a scheduler) finds the workspaces whose
 * chain head is newer than the previous run through
 * {@link ActivityStore#latestEntriesSince} (one indexed query per {@value #BATCH} workspaces, no chain is
 * read to find them), skips those whose latest checkpoint already holds the head, checks that the
 * entries since that checkpoint link to it, signs the head and publishes the checkpoint to the
 * {@link CheckpointSink}. A chain that no longer links to its own latest checkpoint is not signed: it
 * is logged as an ERROR, so that a rewritten history is never blessed with a fresh signature.
 *
 * <p><b>Verification</b> ({@link #verify(Actor, WorkspaceId, List)}) walks the chain once and reports,
 * per checkpoint, whether a trusted key signed it and whether the chain still holds its head.
 *
 * <p>Thread-safe; one signing run at a time per instance.
 */
public final class CheckpointService {

    /** Workspaces examined per query while signing. */
    public static final int BATCH = 200;

    /**
     * How far each signing run looks back before the previous run's start: entries stamped before a run
     * but committed after it are still seen, as long as their transaction took less than this.
     */
    public static final Duration RESCAN_OVERLAP = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(CheckpointService.class);
    private static final int WALK_BATCH = 500;
    private static final int SINK_READ_LIMIT = 1000;

    private final ActivityStore activity;
    private final WorkspaceAccess access;
    private final CheckpointSink sink;
    private final Optional<CheckpointKeys> keys;
    private final Clock clock;
    private @Nullable Instant watermark;

    /**
     * A service over the activity store, keeping checkpoints in {@code sink}; signs and trusts with
     * {@code keys} (without keys it neither signs nor trusts anything, but still checks chains).
     */
    CheckpointService(ActivityStore activity, WorkspaceAccess access, CheckpointSink sink,
                             Optional<CheckpointKeys> keys, Clock clock) {
        this.activity = requireNonNull(activity, "activity must not be null");
        this.access = requireNonNull(access, "access must not be null");
        this.sink = requireNonNull(sink, "sink must not be null");
        this.keys = requireNonNull(keys, "keys must not be null");
        this.clock = requireNonNull(clock, "clock must not be null");
    }

    /** Whether a signing key is configured. */
    public boolean canSign() {
        return keys.flatMap(CheckpointKeys::signingKeyId).isPresent();
    }

    /** The configured keys, if any. */
    public Optional<CheckpointKeys> keys() {
        return keys;
    }

    /** Where checkpoints go. */
    public CheckpointSink sink() {
        return sink;
    }

    /**
     * Signs the head of every workspace whose chain moved since its latest checkpoint and publishes the
     * checkpoints. Looks only at workspaces with an entry since the previous run (less
     * {@link #RESCAN_OVERLAP}); the first run of a process starts from the sink's
     * {@link CheckpointSink#newestSignedAt() newest checkpoint} or, when the sink cannot tell, looks at
     * every workspace's head once.
     *
     * @return how many checkpoints were published
     * @throws IllegalStateException if no signing key is configured
     * @throws UnsupportedOperationException if the activity store cannot list chain heads
     */
    public synchronized int signChangedWorkspaces() {
        CheckpointKeys signing = keys.filter(k -> k.signingKeyId().isPresent()).orElseThrow(() ->
                new IllegalStateException("No checkpoint signing key is configured"));
        Instant runStart = clock.instant();
        Instant since = watermark != null ? watermark
                : sink.newestSignedAt().map(t -> t.minus(RESCAN_OVERLAP)).orElse(Instant.EPOCH);
        int published = 0;
        Optional<ActivityEntry> after = Optional.empty();
        while (true) {
            List<ActivityEntry> heads = activity.latestEntriesSince(since, after, BATCH);
            for (ActivityEntry head : heads) {
                if (signIfMoved(signing, head)) {
                    published++;
                }
            }
            if (heads.size() < BATCH) {
                break;
            }
            after = Optional.of(heads.get(heads.size() - 1));
        }
        watermark = runStart.minus(RESCAN_OVERLAP);
        return published;
    }

    private boolean signIfMoved(CheckpointKeys signing, ActivityEntry head) {
        TenantId tenant = head.tenantId();
        WorkspaceId workspace = head.workspaceId();
        Optional<Checkpoint> last = sink.latest(tenant, workspace);
        // The sink may live where a database writer can reach it: a checkpoint planted there (for a re-chained
        // history) must never become the base that the next genuine signature extends.
        if (last.isPresent() && (!last.get().tenantId().equals(tenant) || !last.get().workspaceId().equals(workspace)
                || signing.check(last.get()) != SignatureStatus.VALID)) {
            log.error("The latest checkpoint of workspace '{}' (tenant '{}') in the sink, at entry {}, is not validly"
                    + " signed by a trusted key (key {}): it was forged, altered, or signed by a key that is no longer"
                    + " trusted (trust the old public key after a rotation); not signing", workspace, tenant,
                    last.get().sequence(), last.get().keyId());
            return false;
        }
        if (last.isPresent() && last.get().sequence() >= head.sequence()) {
            if (last.get().sequence() > head.sequence()) {
                log.error("Activity chain of workspace '{}' (tenant '{}') ends at entry {} but was checkpointed at"
                        + " entry {}: entries were removed; not signing", workspace, tenant, head.sequence(),
                        last.get().sequence());
            } else if (!last.get().headHash().equals(head.hash())) {
                log.error("Activity chain of workspace '{}' (tenant '{}') holds another entry {} than the one"
                        + " checkpointed: history was rewritten; not signing", workspace, tenant, head.sequence());
            }
            return false;
        }
        long afterSequence = last.map(Checkpoint::sequence).orElse(0L);
        String previousHash = last.map(Checkpoint::headHash).orElse(ActivityChain.GENESIS_HASH);
        ChainVerification link = walk(tenant, workspace, afterSequence, previousHash, head.sequence(), e -> { });
        if (!link.isIntact() || link.head().sequence() != head.sequence() || !link.head().hash().equals(head.hash())) {
            log.error("Activity chain of workspace '{}' (tenant '{}') does not link to its latest checkpoint at"
                            + " entry {}: {}; not signing", workspace, tenant, afterSequence,
                    link.problem().orElse("the chain ends before its head"));
            return false;
        }
        sink.publish(signing.sign(tenant, workspace, head.sequence(), head.hash(), head.sequence(), clock.instant()));
        return true;
    }

    /**
     * Verifies the workspace's chain against the checkpoints kept in the {@link CheckpointSink} (up to
     * the 1,000 newest), with the configured trusted keys. Needs {@link Permission#VIEW_INTERNAL}.
     */
    public CheckpointReport verify(Actor actor, WorkspaceId workspaceId) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        access.require(actor, workspaceId, Permission.VIEW_INTERNAL, "verify the activity log");
        return verify(actor, workspaceId, sink.list(actor.tenantId(), workspaceId, SINK_READ_LIMIT));
    }

    /**
     * Verifies the workspace's chain against the given checkpoints (kept anywhere: the sink, a log, an
     * e-mail), trusting the configured public keys. Needs {@link Permission#VIEW_INTERNAL}.
     */
    public CheckpointReport verify(Actor actor, WorkspaceId workspaceId, List<Checkpoint> checkpoints) {
        return verify(actor, workspaceId, checkpoints, keys.orElse(CheckpointKeys.verifyingOnly()));
    }

    /**
     * Verifies the workspace's chain against the given checkpoints, trusting exactly the public keys of
     * {@code trusted} (an auditor's own copy of them, say). Needs {@link Permission#VIEW_INTERNAL}.
     *
     * <p>Per checkpoint: whether its signature is valid for a trusted key ({@link SignatureStatus}), and
     * whether the chain, read now, verifies up to the checkpoint's sequence and holds the signed hash and
     * count there ({@link ChainStatus}): a history rewritten and re-chained before the checkpoint shows as
     * {@link ChainStatus#REWRITTEN}, entries cut off after it as {@link ChainStatus#TRUNCATED}.
     */
    public CheckpointReport verify(Actor actor, WorkspaceId workspaceId, List<Checkpoint> checkpoints,
                                   CheckpointKeys trusted) {
        requireNonNull(actor, "actor must not be null");
        requireNonNull(workspaceId, "workspaceId must not be null");
        requireNonNull(checkpoints, "checkpoints must not be null");
        requireNonNull(trusted, "trusted must not be null");
        access.require(actor, workspaceId, Permission.VIEW_INTERNAL, "verify the activity log");
        Map<Long, String> wanted = new HashMap<>();
        for (Checkpoint c : checkpoints) {
            requireNonNull(c, "checkpoints must not contain null");
            wanted.put(c.sequence(), "");
        }
        ChainVerification chain = walk(actor.tenantId(), workspaceId, 0, ActivityChain.GENESIS_HASH, Long.MAX_VALUE,
                e -> wanted.computeIfPresent(e.sequence(), (seq, none) -> e.hash()));
        List<CheckpointCheck> checks = new ArrayList<>(checkpoints.size());
        for (Checkpoint c : checkpoints) {
            checks.add(check(actor.tenantId(), workspaceId, c, trusted.check(c), chain, wanted.get(c.sequence())));
        }
        return new CheckpointReport(workspaceId, chain, checks);
    }

    private static CheckpointCheck check(TenantId tenant, WorkspaceId workspace, Checkpoint c, SignatureStatus signature,
                                         ChainVerification chain, String hashThere) {
        String signed = switch (signature) {
            case VALID -> "signature valid (key " + c.keyId() + ")";
            case UNTRUSTED_KEY -> "signed by untrusted key " + c.keyId();
            case INVALID -> "signature INVALID for key " + c.keyId() + ": forged or altered";
        };
        if (!c.tenantId().equals(tenant) || !c.workspaceId().equals(workspace)) {
            return new CheckpointCheck(c, signature, ChainStatus.OTHER_WORKSPACE,
                    signed + "; the checkpoint is of workspace '" + c.workspaceId() + "' of tenant '" + c.tenantId() + "'");
        }
        long brokenAt = chain.firstBrokenSequence().orElse(Long.MAX_VALUE);
        if (brokenAt <= c.sequence()) {
            return new CheckpointCheck(c, signature, ChainStatus.BROKEN, signed + "; the chain fails at entry "
                    + brokenAt + ", before the checkpoint's entry " + c.sequence() + ": " + chain.problem().orElse(""));
        }
        if (hashThere.isEmpty()) {
            return new CheckpointCheck(c, signature, ChainStatus.TRUNCATED, signed + "; the chain ends at entry "
                    + chain.head().sequence() + " but the checkpoint holds entry " + c.sequence()
                    + ": entries were removed from its end");
        }
        if (!hashThere.equals(c.headHash()) || c.entryCount() != c.sequence()) {
            return new CheckpointCheck(c, signature, ChainStatus.REWRITTEN, signed + "; entry " + c.sequence()
                    + " is not the one checkpointed: history up to it was rewritten and the chain recomputed");
        }
        return new CheckpointCheck(c, signature, ChainStatus.CONTAINED, signed + "; the chain still holds entry "
                + c.sequence() + " as checkpointed");
    }

    /**
     * Checks the chain after entry {@code afterSequence} (whose hash must be {@code previousHash}) up to
     * entry {@code upTo}, calling {@code visitor} with each entry that passed.
     */
    private ChainVerification walk(TenantId tenant, WorkspaceId workspace, long afterSequence, String previousHash,
                                   long upTo, Consumer<ActivityEntry> visitor) {
        long expected = afterSequence + 1;
        String previous = previousHash;
        long checked = 0;
        while (expected <= upTo) {
            List<ActivityEntry> batch = activity.listOldestFirst(tenant, workspace, expected - 1, WALK_BATCH);
            for (ActivityEntry entry : batch) {
                if (entry.sequence() > upTo) {
                    break;
                }
                checked++;
                ChainAnchor head = new ChainAnchor(expected - 1, previous);
                if (entry.sequence() != expected) {
                    return ChainVerification.brokenAt(checked, expected, "entry " + expected + " is missing (found "
                            + entry.sequence() + " next)", head);
                }
                if (!entry.tenantId().equals(tenant) || !entry.workspaceId().equals(workspace)) {
                    return ChainVerification.brokenAt(checked, expected, "entry belongs to another workspace", head);
                }
                if (!entry.previousHash().equals(previous)) {
                    return ChainVerification.brokenAt(checked, expected,
                            "previous hash does not match the entry before it", head);
                }
                if (!entry.hash().equals(ActivityChain.hash(entry))) {
                    return ChainVerification.brokenAt(checked, expected,
                            "content does not match its hash (the entry was changed)", head);
                }
                visitor.accept(entry);
                previous = entry.hash();
                expected++;
            }
            if (batch.size() < WALK_BATCH) {
                break;
            }
        }
        return ChainVerification.intact(checked, new ChainAnchor(expected - 1, previous));
    }
}
