package io.clientworkspace.tck;

import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.checkpoint.Checkpoint;
import io.clientworkspace.checkpoint.CheckpointKeys;
import io.clientworkspace.spi.CheckpointSink;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link io.clientworkspace.spi.CheckpointSink}: every field of a checkpoint kept
 * exactly (so that its signature still verifies), per tenant and workspace, the latest by sequence,
 * lists highest sequence first, a repeated publish kept once, and concurrent publishes all kept.
 * Extend it and implement {@link #createSink()}.
 */
public abstract class CheckpointSinkContract {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    /** Builds ids for the current test. */
    protected final TestData data = new TestData();

    private final CheckpointKeys keys = CheckpointKeys.generate();
    private @Nullable CheckpointSink sink;

    /** The factory hook: a fresh, empty sink of the implementation under test. Called before every test. */
    protected abstract CheckpointSink createSink();

    @BeforeEach
    final void createFreshSink() {
        sink = createSink();
    }

    /** The sink of the current test. */
    protected final CheckpointSink sink() {
        if (sink == null) {
            throw new IllegalStateException("the sink is created before each test");
        }
        return sink;
    }

    private Checkpoint checkpoint(TenantId tenant, WorkspaceId workspace, long sequence, Instant at) {
        String hash = TestData.sha256(tenant + "/" + workspace + "/" + sequence);
        return keys.sign(tenant, workspace, sequence, hash, sequence, at);
    }

    private Checkpoint checkpoint(TenantId tenant, WorkspaceId workspace, long sequence) {
        return checkpoint(tenant, workspace, sequence, T0.plusSeconds(sequence));
    }

    @Test
    void latestOfAWorkspaceWithoutCheckpointsIsEmpty() {
        assertThat(sink().latest(data.tenantId(), data.workspaceId())).isEmpty();
        assertThat(sink().list(data.tenantId(), data.workspaceId(), 10)).isEmpty();
    }

    @Test
    void aPublishedCheckpointIsReadBackWithEveryFieldAndItsSignatureStillVerifies() {
        Checkpoint published = checkpoint(data.tenantId(), data.workspaceId(), 42);

        sink().publish(published);

        Checkpoint read = sink().latest(published.tenantId(), published.workspaceId()).orElseThrow();
        assertThat(read).isEqualTo(published);
        assertThat(keys.check(read)).isEqualTo(io.clientworkspace.checkpoint.SignatureStatus.VALID);
    }

    @Test
    void latestIsTheCheckpointWithTheHighestSequence() {
        TenantId tenant = data.tenantId();
        WorkspaceId workspace = data.workspaceId();
        sink().publish(checkpoint(tenant, workspace, 5));
        Checkpoint highest = checkpoint(tenant, workspace, 9);
        sink().publish(highest);
        sink().publish(checkpoint(tenant, workspace, 7));

        assertThat(sink().latest(tenant, workspace)).hasValue(highest);
    }

    @Test
    void listIsHighestSequenceFirstUpToTheLimit() {
        TenantId tenant = data.tenantId();
        WorkspaceId workspace = data.workspaceId();
        for (long sequence : new long[]{3, 1, 4, 2, 5}) {
            sink().publish(checkpoint(tenant, workspace, sequence));
        }

        assertThat(sink().list(tenant, workspace, 3)).extracting(Checkpoint::sequence).containsExactly(5L, 4L, 3L);
        assertThat(sink().list(tenant, workspace, 100)).hasSize(5);
    }

    @Test
    void checkpointsAreKeptPerTenantAndWorkspace() {
        WorkspaceId sameId = data.workspaceId();
        TenantId one = data.tenantId();
        TenantId other = data.tenantId();
        Checkpoint ofOne = checkpoint(one, sameId, 3);
        Checkpoint ofOther = checkpoint(other, sameId, 8);
        Checkpoint ofAnotherWorkspace = checkpoint(one, data.workspaceId(), 9);
        sink().publish(ofOne);
        sink().publish(ofOther);
        sink().publish(ofAnotherWorkspace);

        assertThat(sink().list(one, sameId, 10)).containsExactly(ofOne);
        assertThat(sink().list(other, sameId, 10)).containsExactly(ofOther);
        assertThat(sink().latest(one, sameId)).hasValue(ofOne);
    }

    @Test
    void publishingTheSameCheckpointAgainKeepsOne() {
        Checkpoint checkpoint = checkpoint(data.tenantId(), data.workspaceId(), 4);

        sink().publish(checkpoint);
        sink().publish(checkpoint);

        assertThat(sink().list(checkpoint.tenantId(), checkpoint.workspaceId(), 10)).containsExactly(checkpoint);
    }

    @Test
    void theSameHeadSignedByTwoKeysIsKeptTwice() {
        Checkpoint first = checkpoint(data.tenantId(), data.workspaceId(), 4);
        Checkpoint second = CheckpointKeys.generate().sign(first.tenantId(), first.workspaceId(), 4, first.headHash(), 4,
                first.signedAt());

        sink().publish(first);
        sink().publish(second);

        assertThat(sink().list(first.tenantId(), first.workspaceId(), 10)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void newestSignedAtIsTheLatestSigningTimeWhenTheSinkTells() {
        sink().publish(checkpoint(data.tenantId(), data.workspaceId(), 2, T0.plusSeconds(100)));
        sink().publish(checkpoint(data.tenantId(), data.workspaceId(), 1, T0.plusSeconds(300)));
        sink().publish(checkpoint(data.tenantId(), data.workspaceId(), 3, T0.plusSeconds(200)));

        Optional<Instant> newest = sink().newestSignedAt();

        newest.ifPresent(at -> assertThat(at).isEqualTo(T0.plusSeconds(300)));
    }

    @Test
    void concurrentPublishesAreAllKept() {
        TenantId tenant = data.tenantId();
        WorkspaceId workspace = data.workspaceId();
        int perThread = 10;
        List<Checkpoint> all = IntStream.range(0, Concurrently.THREADS).boxed()
                .flatMap(thread -> LongStream.rangeClosed(1, perThread)
                        .mapToObj(i -> checkpoint(tenant, workspace, thread * perThread + i)))
                .toList();

        Concurrently.Outcomes<Integer> outcomes = Concurrently.run(thread -> {
            all.subList(thread * perThread, (thread + 1) * perThread).forEach(sink()::publish);
            return thread;
        });

        assertThat(outcomes.failures()).isEmpty();
        assertThat(sink().list(tenant, workspace, 1000)).containsExactlyInAnyOrderElementsOf(all);
        assertThat(sink().latest(tenant, workspace).orElseThrow().sequence())
                .isEqualTo((long) Concurrently.THREADS * perThread);
    }
}
