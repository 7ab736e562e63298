package io.clientworkspace.jpa;

import io.clientworkspace.spi.Stores;
import io.clientworkspace.Actor;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityChain;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.checkpoint.ChainStatus;
import io.clientworkspace.checkpoint.Checkpoint;
import io.clientworkspace.checkpoint.CheckpointCheck;
import io.clientworkspace.checkpoint.CheckpointKeys;
import io.clientworkspace.checkpoint.CheckpointReport;
import io.clientworkspace.checkpoint.SignatureStatus;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoints against a database writer, on each database: the activity rows are changed with plain
 * SQL, as someone with write access to the database would, and verification against a checkpoint signed
 * before (kept in the JPA sink) reveals it.
 */
class JpaCheckpointTamperIT {

    private final CheckpointKeys keys = CheckpointKeys.generate();

    private record Setup(WorkspaceKit kit, Stores stores, Actor alice, Workspace acme, Checkpoint checkpoint) {
    }

    private Setup setUp(TestDatabase db) {
        db.reset();
        Stores stores = JpaStores.create(db.emf());
        WorkspaceKit kit = WorkspaceKit.builder().stores(stores)
                .checkpointKeys(keys).checkpointSink(new JpaCheckpointSink(db.emf()))
                .userDirectory((tenant, user) -> true).build();
        Tenant agency = kit.tenants().create("Northwind Agency", UserId.of("alice"));
        Actor alice = Actor.team(agency.id(), "alice");
        Workspace acme = kit.workspaces().create(alice, NewWorkspace.of("Acme Corp", "acme"));
        for (String user : List.of("carol", "dave", "erin", "frank")) {
            kit.members().add(alice, acme.id(), UserId.of(user), WorkspaceRole.CLIENT_VIEWER);
        }
        assertThat(kit.checkpoints().signChangedWorkspaces()).isEqualTo(1);
        Checkpoint checkpoint = kit.checkpoints().sink().latest(agency.id(), acme.id()).orElseThrow();
        return new Setup(kit, stores, alice, acme, checkpoint);
    }

    private static void sql(TestDatabase db, String statement, Object... args) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes entry {@code sequence}'s target and recomputes its hash and every later one, in SQL. */
    private static void rewriteAndRechain(TestDatabase db, Setup s, long sequence) {
        sql(db, "UPDATE cwk_activity SET target_id = ? WHERE tenant_id = ? AND workspace_id = ? AND seq = ?",
                "mallory", s.acme().tenantId().value(), s.acme().id().value(), sequence);
        List<ActivityEntry> log = s.stores().activity().listOldestFirst(s.acme().tenantId(), s.acme().id(), 0, 1000);
        String previous = ActivityChain.GENESIS_HASH;
        for (ActivityEntry e : log) {
            if (e.sequence() >= sequence) {
                ActivityEntry relinked = ActivityChain.link(e.id(), e.tenantId(), e.workspaceId(), e.sequence(), e.actorId(),
                        e.actorKind(), e.action(), e.targetType(), e.targetId(), e.occurredAt(), e.visibility(),
                        e.details(), previous);
                sql(db, "UPDATE cwk_activity SET previous_hash = ?, hash = ? WHERE tenant_id = ? AND workspace_id = ?"
                        + " AND seq = ?", relinked.previousHash(), relinked.hash(), e.tenantId().value(),
                        e.workspaceId().value(), e.sequence());
                e = relinked;
            }
            previous = e.hash();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUntamperedHistoryIsConfirmed(TestDatabase db) {
        Setup s = setUp(db);

        CheckpointReport report = s.kit().checkpoints().verify(s.alice(), s.acme().id());

        assertThat(report.checks()).singleElement().extracting(CheckpointCheck::isConfirmed).isEqualTo(true);
        assertThat(report.isIntact()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHistoryRewrittenAndRechainedInTheDatabaseIsDetected(TestDatabase db) {
        Setup s = setUp(db);

        rewriteAndRechain(db, s, 2);

        CheckpointReport report = s.kit().checkpoints().verify(s.alice(), s.acme().id(), List.of(s.checkpoint()));
        assertThat(report.chain().isIntact()).as("the re-chained log verifies on its own").isTrue();
        assertThat(s.kit().activity().verify(s.alice(), s.acme().id()).isIntact()).isTrue();
        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.signature()).isEqualTo(SignatureStatus.VALID);
            assertThat(check.chain()).isEqualTo(ChainStatus.REWRITTEN);
        });
        assertThat(report.isTampered()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHistoryTruncatedInTheDatabaseIsDetected(TestDatabase db) {
        Setup s = setUp(db);

        sql(db, "DELETE FROM cwk_activity WHERE tenant_id = ? AND workspace_id = ? AND seq > ?",
                s.acme().tenantId().value(), s.acme().id().value(), s.checkpoint().sequence() - 2);

        CheckpointReport report = s.kit().checkpoints().verify(s.alice(), s.acme().id());
        assertThat(report.chain().isIntact()).isTrue();
        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.signature()).isEqualTo(SignatureStatus.VALID);
            assertThat(check.chain()).isEqualTo(ChainStatus.TRUNCATED);
        });
        assertThat(report.isTampered()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCheckpointAlteredInTheDatabaseToMatchARewriteIsRejected(TestDatabase db) {
        Setup s = setUp(db);
        rewriteAndRechain(db, s, 2);
        String forgedHead = s.stores().activity().latest(s.acme().tenantId(), s.acme().id()).orElseThrow().hash();

        sql(db, "UPDATE cwk_activity_checkpoint SET head_hash = ? WHERE tenant_id = ? AND workspace_id = ?",
                forgedHead, s.acme().tenantId().value(), s.acme().id().value());

        CheckpointReport report = s.kit().checkpoints().verify(s.alice(), s.acme().id());
        assertThat(report.checks()).singleElement().satisfies(check -> {
            assertThat(check.signature()).isEqualTo(SignatureStatus.INVALID);
            assertThat(check.isConfirmed()).isFalse();
        });
        assertThat(report.isIntact()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void signingAgainAfterARewriteSignsNothing(TestDatabase db) {
        Setup s = setUp(db);
        rewriteAndRechain(db, s, 2);

        assertThat(s.kit().checkpoints().signChangedWorkspaces()).isZero();
        assertThat(s.kit().checkpoints().sink().list(s.acme().tenantId(), s.acme().id(), 10)).containsExactly(s.checkpoint());
    }
}
