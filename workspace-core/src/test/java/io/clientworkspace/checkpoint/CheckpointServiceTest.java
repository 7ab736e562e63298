package io.clientworkspace.checkpoint;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.memory.InMemoryCheckpointSink;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.support.ForgingActivityStore;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed checkpoints on the in-memory stores, with a store through which the test plays a database
 * writer: rewriting an entry and recomputing every later hash, or deleting the newest entries.
 */
class CheckpointServiceTest {

    private final ForgingActivityStore store = new ForgingActivityStore();
    private final InMemoryCheckpointSink sink = new InMemoryCheckpointSink();
    private final CheckpointKeys keys = CheckpointKeys.generate();
    private final Fixture f = Fixture.create(store.stores(), b -> b.checkpointKeys(keys).checkpointSink(sink));
    private final CheckpointService checkpoints = f.kit.checkpoints();

    private TenantId tenant() {
        return f.tenant.id();
    }

    private WorkspaceId acme() {
        return f.acme.id();
    }

    private Checkpoint signAcme() {
        checkpoints.signChangedWorkspaces();
        return sink.latest(tenant(), acme()).orElseThrow();
    }

    private void moreActivity() {
        f.clock.advance(Duration.ofMinutes(1));
        f.kit.workspaces().rename(f.bob, acme(), "Acme " + f.clock.instant(), f.acme().version());
    }

    @Test
    void signingPublishesACheckpointOfEveryWorkspaceHead() {
        Workspace beta = f.kit.workspaces().create(f.bob, NewWorkspace.of("Beta", "beta"));

        int published = checkpoints.signChangedWorkspaces();

        assertThat(published).isEqualTo(2);
        Checkpoint acme = sink.latest(tenant(), acme()).orElseThrow();
        assertThat(acme.sequence()).isEqualTo(f.head(acme()).sequence());
        assertThat(acme.headHash()).isEqualTo(f.head(acme()).hash());
        assertThat(acme.entryCount()).isEqualTo(acme.sequence());
        assertThat(acme.keyId()).isEqualTo(keys.signingKeyId().orElseThrow());
        assertThat(acme.signedAt()).isEqualTo(Fixture.START);
        assertThat(sink.latest(tenant(), beta.id())).isPresent();
    }

    @Test
    void signingAgainPublishesNothingWhenNoHeadMoved() {
        checkpoints.signChangedWorkspaces();

        assertThat(checkpoints.signChangedWorkspaces()).isZero();
    }

    @Test
    void signingPublishesOnlyTheWorkspacesWhoseHeadMoved() {
        Workspace beta = f.kit.workspaces().create(f.bob, NewWorkspace.of("Beta", "beta"));
        checkpoints.signChangedWorkspaces();
        Checkpoint betaBefore = sink.latest(tenant(), beta.id()).orElseThrow();

        moreActivity();

        assertThat(checkpoints.signChangedWorkspaces()).isEqualTo(1);
        assertThat(sink.latest(tenant(), acme()).orElseThrow().sequence()).isEqualTo(f.head(acme()).sequence());
        assertThat(sink.list(tenant(), beta.id(), 10)).containsExactly(betaBefore);
    }

    @Test
    void signingResumesAfterARestartFromTheSinksNewestCheckpoint() {
        checkpoints.signChangedWorkspaces();
        moreActivity();
        CheckpointService restarted = new CheckpointService(store.stores().activity(), f.kit.access(), sink,
                java.util.Optional.of(keys), f.clock);

        assertThat(restarted.signChangedWorkspaces()).isEqualTo(1);
        assertThat(sink.latest(tenant(), acme()).orElseThrow().sequence()).isEqualTo(f.head(acme()).sequence());
    }

    @Test
    void signingWithoutAKeyIsRefused() {
        Fixture unkeyed = Fixture.create();

        assertThatThrownBy(() -> unkeyed.kit.checkpoints().signChangedWorkspaces())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No checkpoint signing key");
    }

    @Test
    void anUntamperedHistoryIsConfirmedByItsCheckpoints() {
        signAcme();
        moreActivity();
        signAcme();
        moreActivity();

        CheckpointReport report = checkpoints.verify(f.bob, acme());

        assertThat(report.checks()).hasSize(2).allMatch(CheckpointCheck::isConfirmed);
        assertThat(report.isIntact()).isTrue();
        assertThat(report.isTampered()).isFalse();
    }

    @Test
    void aRechainedHistoryIsReportedAsRewrittenAgainstACheckpoint() {
        Checkpoint checkpoint = signAcme();
        store.rewriteAndRechain(tenant(), acme(), 2, e -> withTarget(e, "someone-else"));

        CheckpointReport report = checkpoints.verify(f.bob, acme(), List.of(checkpoint));

        assertThat(report.chain().isIntact()).as("the forged chain verifies on its own").isTrue();
        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.signature()).isEqualTo(SignatureStatus.VALID);
            assertThat(check.chain()).isEqualTo(ChainStatus.REWRITTEN);
            assertThat(check.explanation()).contains("rewritten");
        });
        assertThat(report.isTampered()).isTrue();
        assertThat(report.isIntact()).isFalse();
    }

    @Test
    void aTruncatedHistoryIsReportedAsTruncatedAgainstACheckpoint() {
        Checkpoint checkpoint = signAcme();
        store.truncateAfter(tenant(), acme(), checkpoint.sequence() - 2);

        CheckpointReport report = checkpoints.verify(f.bob, acme(), List.of(checkpoint));

        assertThat(report.chain().isIntact()).as("the shortened chain verifies on its own").isTrue();
        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.signature()).isEqualTo(SignatureStatus.VALID);
            assertThat(check.chain()).isEqualTo(ChainStatus.TRUNCATED);
        });
        assertThat(report.isTampered()).isTrue();
    }

    @Test
    void aRewriteAfterTheCheckpointLeavesItConfirmedButTheLaterCheckpointRewritten() {
        Checkpoint first = signAcme();
        moreActivity();
        Checkpoint second = signAcme();
        store.rewriteAndRechain(tenant(), acme(), second.sequence(), e -> withTarget(e, "forged"));

        CheckpointReport report = checkpoints.verify(f.bob, acme(), List.of(first, second));

        assertThat(report.checks()).extracting(CheckpointCheck::chain)
                .containsExactly(ChainStatus.CONTAINED, ChainStatus.REWRITTEN);
    }

    @Test
    void anEntryChangedWithoutRechainingIsReportedAsBrokenBeforeTheCheckpoint() {
        Checkpoint checkpoint = signAcme();
        store.replace(tenant(), acme(), 2, e -> withTarget(e, "someone-else"));

        CheckpointReport report = checkpoints.verify(f.bob, acme(), List.of(checkpoint));

        assertThat(report.chain().firstBrokenSequence()).hasValue(2);
        assertThat(report.checks()).singleElement().extracting(CheckpointCheck::chain).isEqualTo(ChainStatus.BROKEN);
        assertThat(report.isTampered()).isTrue();
    }

    @Test
    void aCheckpointPlantedInTheSinkForARechainedHistoryIsNeverExtendedByAGenuineSignature() {
        Checkpoint genuine = signAcme();
        moreActivity();
        store.rewriteAndRechain(tenant(), acme(), 2, e -> withTarget(e, "someone-else"));
        // The writer plants a checkpoint one entry behind the re-chained head, so the head looks "moved" since.
        long planted = f.head(acme()).sequence() - 1;
        ActivityEntry plantedAt = store.stores().activity().listOldestFirst(tenant(), acme(), planted - 1, 1).get(0);
        sink.publish(new Checkpoint(tenant(), acme(), planted, plantedAt.hash(), planted, f.clock.instant(),
                genuine.keyId(), genuine.signature()));

        assertThat(checkpoints.signChangedWorkspaces()).isZero();
        assertThat(sink.latest(tenant(), acme()).orElseThrow().sequence()).isEqualTo(planted);
        assertThat(checkpoints.verify(f.bob, acme(), List.of(genuine)).isTampered()).isTrue();
    }

    @Test
    void aCheckpointSignedByAnUntrustedKeyIsRejected() {
        CheckpointKeys mallorys = CheckpointKeys.generate();
        ActivityEntry head = f.head(acme());
        Checkpoint forged = mallorys.sign(tenant(), acme(), head.sequence(), head.hash(), head.sequence(), f.clock.instant());

        CheckpointReport report = checkpoints.verify(f.bob, acme(), List.of(forged));

        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.signature()).isEqualTo(SignatureStatus.UNTRUSTED_KEY);
            assertThat(check.isConfirmed()).isFalse();
        });
        assertThat(report.rejected()).hasSize(1);
        assertThat(report.isIntact()).isFalse();
    }

    @Test
    void aCheckpointWithAnAlteredFieldIsRejected() {
        Checkpoint genuine = signAcme();
        store.rewriteAndRechain(tenant(), acme(), 2, e -> withTarget(e, "someone-else"));
        ActivityEntry forgedHead = f.head(acme());
        Checkpoint altered = new Checkpoint(genuine.tenantId(), genuine.workspaceId(), genuine.sequence(),
                forgedHead.hash(), genuine.entryCount(), genuine.signedAt(), genuine.keyId(), genuine.signature());

        CheckpointReport report = checkpoints.verify(f.bob, acme(), List.of(altered));

        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.signature()).isEqualTo(SignatureStatus.INVALID);
            assertThat(check.chain()).isEqualTo(ChainStatus.CONTAINED);
            assertThat(check.isConfirmed()).isFalse();
        });
        assertThat(report.isIntact()).isFalse();
    }

    @Test
    void aCheckpointOfAnotherWorkspaceIsNotTakenForThisOne() {
        Workspace beta = f.kit.workspaces().create(f.bob, NewWorkspace.of("Beta", "beta"));
        checkpoints.signChangedWorkspaces();
        Checkpoint ofBeta = sink.latest(tenant(), beta.id()).orElseThrow();

        CheckpointReport report = checkpoints.verify(f.bob, acme(), List.of(ofBeta));

        assertThat(report.checks()).singleElement().extracting(CheckpointCheck::chain)
                .isEqualTo(ChainStatus.OTHER_WORKSPACE);
        assertThat(report.isIntact()).isFalse();
    }

    @Test
    void signingRefusesAChainThatNoLongerHoldsItsLatestCheckpoint() {
        Checkpoint checkpoint = signAcme();
        store.rewriteAndRechain(tenant(), acme(), 2, e -> withTarget(e, "someone-else"));

        assertThat(checkpoints.signChangedWorkspaces()).isZero();
        assertThat(sink.list(tenant(), acme(), 10)).containsExactly(checkpoint);
    }

    @Test
    void verificationReadsTheCheckpointsOfTheSink() {
        signAcme();
        moreActivity();
        signAcme();

        CheckpointReport report = checkpoints.verify(f.bob, acme());

        assertThat(report.checks()).hasSize(2);
        assertThat(report.isIntact()).isTrue();
    }

    @Test
    void withoutCheckpointsNothingIsConfirmed() {
        CheckpointReport report = checkpoints.verify(f.bob, acme());

        assertThat(report.checks()).isEmpty();
        assertThat(report.isIntact()).isFalse();
    }

    @Test
    void verificationIsForTheTeamOnly() {
        Checkpoint checkpoint = signAcme();

        assertThatThrownBy(() -> checkpoints.verify(f.carol, acme(), List.of(checkpoint)))
                .isInstanceOfAny(AccessDeniedException.class, NotFoundException.class);
    }

    @Test
    void verificationOfAWorkspaceOfAnotherTenantIsNotFound() {
        Fixture.OtherTenant globex = f.otherTenant();

        assertThatThrownBy(() -> checkpoints.verify(f.bob, globex.workspace().id(), List.of()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDefaultSinkWritesOneLogLinePerCheckpoint() {
        Fixture defaults = Fixture.create(b -> b.checkpointKeys(keys));

        defaults.kit.checkpoints().signChangedWorkspaces();

        assertThat(defaults.kit.checkpoints().sink()).isInstanceOf(LoggingCheckpointSink.class);
        assertThat(defaults.kit.checkpoints().sink().latest(defaults.tenant.id(), defaults.acme.id())).isPresent();
    }

    private static ActivityEntry withTarget(ActivityEntry e, String targetId) {
        return new ActivityEntry(e.id(), e.tenantId(), e.workspaceId(), e.sequence(), e.actorId(), e.actorKind(),
                e.action(), e.targetType(), targetId, e.occurredAt(), e.visibility(), Map.copyOf(e.details()),
                e.previousHash(), e.hash());
    }
}
