package io.clientworkspace.approval;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ActorKind;
import io.clientworkspace.ConflictException;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.PermissionMatrix;
import io.clientworkspace.member.WorkspaceRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static io.clientworkspace.approval.ApprovalWorld.ask;
import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Deciding: what a decision records, who may decide, changing a decision, outcomes, cancelling. */
class DecidingTest {

    @TempDir
    Path blobs;

    private ApprovalWorld w;
    private ApprovalService approvals;

    @BeforeEach
    void createWorld() {
        w = ApprovalWorld.create(blobs);
        approvals = w.approvals;
    }

    @Nested
    class ADecision {

        @Test
        void anApprovalUnderAnyResolvesTheRequest() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol, w.f.erin);
            w.f.clock.advance(Duration.ofHours(2));

            ApprovalRequest decided = w.approve(w.f.carol, request);

            assertThat(decided.status()).isEqualTo(ApprovalStatus.APPROVED);
            assertThat(decided.resolvedAt()).contains(w.f.clock.instant());
            assertThat(w.stored(request.id())).isEqualTo(decided);
        }

        @Test
        void recordsTheExactVersionAndItsSha256() {
            FileAsset file = w.upload(w.f.bob, "proposal.pdf");
            FileVersion v2 = w.newVersion(w.f.bob, file);
            ApprovalRequest request = w.requestFor(file, 2, w.f.carol);
            w.f.clock.advance(Duration.ofMinutes(3));

            w.approve(w.f.carol, request);

            assertThat(w.decisions(request.id())).singleElement().satisfies(d -> {
                assertThat(d.sequence()).isEqualTo(1);
                assertThat(d.approver()).isEqualTo(w.f.carol.userId());
                assertThat(d.approverKind()).isEqualTo(ActorKind.CLIENT);
                assertThat(d.kind()).isEqualTo(DecisionKind.APPROVE);
                assertThat(d.comment()).isEmpty();
                assertThat(d.decidedAt()).isEqualTo(w.f.clock.instant());
                assertThat(d.versionNumber()).contains(2);
                assertThat(d.sha256()).contains(v2.sha256());
                assertThat(d.requestId()).isEqualTo(request.id());
            });
        }

        @Test
        void onADeliverableRecordsNoVersionOrHash() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            w.approve(w.f.carol, request);

            assertThat(w.decisions(request.id())).singleElement().satisfies(d -> {
                assertThat(d.versionNumber()).isEmpty();
                assertThat(d.sha256()).isEmpty();
            });
        }

        @ParameterizedTest
        @EnumSource(value = DecisionKind.class, names = {"REJECT", "REQUEST_CHANGES"})
        void toRejectOrRequestChangesNeedsAComment(DecisionKind kind) {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            for (Optional<String> comment : List.of(Optional.<String>empty(), Optional.of("   "))) {
                ValidationException e = w.rejects(ValidationException.class,
                        () -> approvals.decide(w.f.carol, w.acme, request.id(), kind, comment));
                assertThat(fieldsOf(e)).containsExactly("comment");
            }
        }

        @ParameterizedTest
        @EnumSource(value = DecisionKind.class, names = {"REJECT", "REQUEST_CHANGES"})
        void aRejectionOrRequestForChangesKeepsItsComment(DecisionKind kind) {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            approvals.decide(w.f.carol, w.acme, request.id(), kind, Optional.of("  The logo is too small  "));

            assertThat(w.decisions(request.id())).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(kind);
                assertThat(d.comment()).contains("The logo is too small");
            });
        }

        @Test
        void anApprovalMayCarryAComment() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            approvals.decide(w.f.carol, w.acme, request.id(), DecisionKind.APPROVE, Optional.of("Looks great"));

            assertThat(w.decisions(request.id())).singleElement()
                    .satisfies(d -> assertThat(d.comment()).contains("Looks great"));
        }

        @Test
        void aCommentOfMoreThan4000CharactersIsRefused() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            ValidationException e = w.rejects(ValidationException.class, () -> approvals.decide(w.f.carol, w.acme,
                    request.id(), DecisionKind.REJECT, Optional.of("x".repeat(4001))));

            assertThat(fieldsOf(e)).containsExactly("comment");
        }

        @Test
        void aMemberWhoIsNotAnApproverMayNotDecide() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            w.rejects(AccessDeniedException.class, () -> w.approve(w.f.erin, request));
            w.rejects(AccessDeniedException.class, () -> w.approve(w.f.tom, request));
            w.rejects(AccessDeniedException.class, () -> w.approve(w.f.bob, request));
        }

        @Test
        void anApproverWhoLostThePermissionToDecideMayNotDecide() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.erin);
            w.f.kit.accessPolicies().replaceMatrix(w.f.alice, PermissionMatrix.defaults()
                    .with(WorkspaceRole.CLIENT_CONTRIBUTOR, EnumSet.of(Permission.VIEW_WORKSPACE)));

            w.rejects(AccessDeniedException.class, () -> w.approve(w.f.erin, request));
        }

        @Test
        void theRecordListsEveryDecisionInOrder() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.all(), w.f.carol, w.f.erin, w.f.tom);
            w.approve(w.f.carol, request);
            w.f.clock.advance(Duration.ofMinutes(1));
            w.approve(w.f.tom, request);
            w.f.clock.advance(Duration.ofMinutes(1));
            w.requestChanges(w.f.erin, request);

            ApprovalRecord record = approvals.record(w.f.bob, w.acme, request.id());

            assertThat(record.request().status()).isEqualTo(ApprovalStatus.CHANGES_REQUESTED);
            assertThat(record.decisions()).extracting(Decision::sequence).containsExactly(1, 2, 3);
            assertThat(record.decisions()).extracting(d -> d.approver().value()).containsExactly("carol", "tom", "erin");
            assertThat(record.decisions()).extracting(Decision::approverKind)
                    .containsExactly(ActorKind.CLIENT, ActorKind.TEAM, ActorKind.CLIENT);
            assertThat(record.decisions()).extracting(Decision::decidedAt).isSorted();
        }
    }

    @Nested
    class ChangingADecision {

        @Test
        void anApproverMayChangeTheirDecisionWhileTheRequestIsOpen() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol, w.f.erin);

            ApprovalRequest afterRejection = w.reject(w.f.carol, request);
            ApprovalRequest afterApproval = w.approve(w.f.carol, request);

            assertThat(afterRejection.status()).isEqualTo(ApprovalStatus.OPEN);
            assertThat(afterApproval.status()).isEqualTo(ApprovalStatus.APPROVED);
            assertThat(w.decisions(request.id())).extracting(Decision::sequence, Decision::kind)
                    .containsExactly(tuple(1, DecisionKind.REJECT),
                            tuple(2, DecisionKind.APPROVE));
        }

        @Test
        void onlyTheLatestDecisionOfEachApproverCounts() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.quorum(2), w.f.carol, w.f.erin, w.f.tom);

            assertThat(w.approve(w.f.carol, request).status()).isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.requestChanges(w.f.carol, request).status()).as("carol took her approval back")
                    .isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.approve(w.f.erin, request).status()).as("one approval, tom could still make two")
                    .isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.approve(w.f.tom, request).status()).isEqualTo(ApprovalStatus.APPROVED);
            assertThat(w.decisions(request.id())).extracting(d -> d.approver().value() + ":" + d.kind())
                    .containsExactly("carol:APPROVE", "carol:REQUEST_CHANGES", "erin:APPROVE", "tom:APPROVE");
        }

        @Test
        void approvingTwiceCountsOnce() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.quorum(2), w.f.carol, w.f.erin);

            w.approve(w.f.carol, request);
            ApprovalRequest again = w.approve(w.f.carol, request);

            assertThat(again.status()).isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.decisions(request.id())).hasSize(2);
        }

        @Test
        void decisionsAfterTheOutcomeAreRefusedAndChangeNothing() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol, w.f.erin);
            w.approve(w.f.carol, request);

            ConflictException byCarol = w.rejects(ConflictException.class, () -> w.reject(w.f.carol, request));
            ConflictException byErin = w.rejects(ConflictException.class, () -> w.approve(w.f.erin, request));

            assertThat(byCarol.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
            assertThat(byErin.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
            assertThat(w.stored(request.id()).status()).isEqualTo(ApprovalStatus.APPROVED);
        }

        @Test
        void decisionsOnACancelledRequestAreRefused() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);
            approvals.cancel(w.f.bob, w.acme, request.id());

            ConflictException e = w.rejects(ConflictException.class, () -> w.approve(w.f.carol, request));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
        }
    }

    @Nested
    class Policies {

        @Test
        void anyIsRejectedOnceEveryoneRejected() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol, w.f.erin);

            assertThat(w.reject(w.f.carol, request).status()).isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.reject(w.f.erin, request).status()).isEqualTo(ApprovalStatus.REJECTED);
        }

        @Test
        void anyIsChangesRequestedWhenNobodyApprovedAndSomeoneAskedForChanges() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol, w.f.erin);

            w.requestChanges(w.f.carol, request);

            assertThat(w.reject(w.f.erin, request).status()).isEqualTo(ApprovalStatus.CHANGES_REQUESTED);
        }

        @Test
        void allIsApprovedOnlyWhenEveryApproverApproved() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.all(), w.f.carol, w.f.erin, w.f.tom);

            assertThat(w.approve(w.f.carol, request).status()).isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.approve(w.f.tom, request).status()).isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.approve(w.f.erin, request).status()).isEqualTo(ApprovalStatus.APPROVED);
        }

        @Test
        void allIsRejectedByOneRejection() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.all(), w.f.carol, w.f.erin, w.f.tom);
            w.approve(w.f.carol, request);

            assertThat(w.reject(w.f.tom, request).status()).isEqualTo(ApprovalStatus.REJECTED);
        }

        @Test
        void allIsChangesRequestedByOneRequestForChanges() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.all(), w.f.carol, w.f.erin);

            assertThat(w.requestChanges(w.f.erin, request).status()).isEqualTo(ApprovalStatus.CHANGES_REQUESTED);
        }

        @Test
        void quorumIsApprovedByItsNumberOfApprovals() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.quorum(2), w.f.carol, w.f.erin, w.f.tom);

            assertThat(w.reject(w.f.carol, request).status()).isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.approve(w.f.erin, request).status()).isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.approve(w.f.tom, request).status()).isEqualTo(ApprovalStatus.APPROVED);
        }

        @Test
        void quorumIsRejectedOnceItsApprovalsAreOutOfReach() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.quorum(2), w.f.carol, w.f.erin, w.f.tom);

            assertThat(w.reject(w.f.carol, request).status()).isEqualTo(ApprovalStatus.OPEN);
            assertThat(w.reject(w.f.erin, request).status()).isEqualTo(ApprovalStatus.REJECTED);
        }

        @Test
        void quorumIsChangesRequestedWhenOutOfReachAndSomeoneAskedForChanges() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.quorum(2), w.f.carol, w.f.erin, w.f.tom);

            w.requestChanges(w.f.carol, request);

            assertThat(w.reject(w.f.tom, request).status()).isEqualTo(ApprovalStatus.CHANGES_REQUESTED);
        }
    }

    @Nested
    class Turnaround {

        @Test
        void theTurnaroundFromRequestToOutcomeIsStored() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);
            w.f.clock.advance(Duration.ofHours(3).plusMinutes(5));

            ApprovalRequest decided = w.approve(w.f.carol, request);

            assertThat(decided.turnaround()).contains(Duration.ofHours(3).plusMinutes(5));
            assertThat(w.stored(request.id()).resolvedAt()).contains(request.requestedAt().plus(Duration.ofMinutes(185)));
            assertThat(w.logOf(request.id())).filteredOn(e -> e.action().equals("approval.approved")).singleElement()
                    .satisfies(e -> assertThat(e.details()).containsEntry("turnaroundSeconds", "11100"));
        }

        @Test
        void anOpenRequestHasNoTurnaround() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.all(), w.f.carol, w.f.erin);

            assertThat(w.approve(w.f.carol, request).turnaround()).isEmpty();
        }

        @Test
        void aCancelledRequestStoresItsTurnaroundToo() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);
            w.f.clock.advance(Duration.ofMinutes(30));

            ApprovalRequest cancelled = approvals.cancel(w.f.bob, w.acme, request.id());

            assertThat(cancelled.turnaround()).contains(Duration.ofMinutes(30));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void theRequesterMayCancel() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);
            w.f.clock.advance(Duration.ofMinutes(1));

            ApprovalRequest cancelled = approvals.cancel(w.f.bob, w.acme, request.id());

            assertThat(cancelled.status()).isEqualTo(ApprovalStatus.CANCELLED);
            assertThat(cancelled.resolvedAt()).contains(w.f.clock.instant());
            assertThat(w.stored(request.id())).isEqualTo(cancelled);
            assertThat(w.actionsOf(request.id())).containsExactly("approval.requested", "approval.cancelled");
        }

        @Test
        void anotherMemberAllowedToRequestApprovalsMayCancel() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            assertThat(approvals.cancel(w.f.tom, w.acme, request.id()).status()).isEqualTo(ApprovalStatus.CANCELLED);
        }

        @Test
        void membersWhoMayNotRequestApprovalsMayNotCancelSomeoneElsesRequest() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);

            w.rejects(AccessDeniedException.class, () -> approvals.cancel(w.f.carol, w.acme, request.id()));
            w.rejects(AccessDeniedException.class, () -> approvals.cancel(w.f.dave, w.acme, request.id()));
        }

        @Test
        void aClientRequesterMayCancelTheirOwnRequestButNotAnothersClients() {
            ApprovalWorld custom = ApprovalWorld.create(blobs.resolve("custom"), b -> b.defaultPermissionMatrix(
                    PermissionMatrix.defaults().with(WorkspaceRole.CLIENT_CONTRIBUTOR, EnumSet.of(Permission.VIEW_WORKSPACE,
                            Permission.UPLOAD_FILES, Permission.REQUEST_APPROVALS, Permission.DECIDE_APPROVALS))));
            ApprovalRequest byErin = custom.approvals.requestForDeliverable(custom.f.erin, custom.acme, "The copy",
                    Optional.empty(), ask("Copy", custom.f.carol));

            custom.rejects(AccessDeniedException.class, () -> custom.approvals.cancel(custom.f.carol, custom.acme,
                    byErin.id()));
            ApprovalRequest cancelled = custom.approvals.cancel(custom.f.erin, custom.acme, byErin.id());

            assertThat(cancelled.status()).isEqualTo(ApprovalStatus.CANCELLED);
        }

        @Test
        void aResolvedRequestCannotBeCancelled() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);
            w.approve(w.f.carol, request);

            ConflictException e = w.rejects(ConflictException.class, () -> approvals.cancel(w.f.bob, w.acme, request.id()));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
        }

        @Test
        void aCancelledRequestCannotBeCancelledAgain() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);
            approvals.cancel(w.f.bob, w.acme, request.id());

            ConflictException e = w.rejects(ConflictException.class, () -> approvals.cancel(w.f.bob, w.acme, request.id()));

            assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
        }
    }

    @Nested
    class TheActivityLog {

        @Test
        void everyStepOfAClientVisibleRequestIsLoggedForClientsToo() {
            FileAsset file = w.upload(w.f.bob, "proposal.pdf");
            FileVersion v1 = w.version(file, 1);
            ApprovalRequest request = approvals.requestForFile(w.f.bob, w.acme, file.id(), 1,
                    ask("Sign off", w.f.carol, w.f.erin).withPolicy(ApprovalPolicy.all()));
            w.approve(w.f.carol, request);
            w.approve(w.f.erin, request);

            assertThat(w.logOf(request.id())).extracting(ActivityEntry::action)
                    .containsExactly("approval.requested", "approval.decided", "approval.decided", "approval.approved");
            assertThat(w.logOf(request.id())).extracting(ActivityEntry::visibility)
                    .containsOnly(Visibility.CLIENT);
            assertThat(w.logOf(request.id()).get(0).details()).containsEntry("file", file.id().value())
                    .containsEntry("version", "1").containsEntry("sha256", v1.sha256()).containsEntry("policy", "ALL");
            assertThat(w.logOf(request.id()).get(1).details()).containsEntry("decision", "APPROVE")
                    .containsEntry("sha256", v1.sha256());
            assertThat(w.logOf(request.id()).get(1).actorId()).isEqualTo(w.f.carol.userId());
            assertThat(w.f.kit.activity().verify(w.f.bob, w.acme).isIntact()).isTrue();
        }

        @Test
        void theOutcomeIsPublishedAfterTheDecisionThatCausedIt() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);
            w.f.events.clear();

            w.approve(w.f.carol, request);

            assertThat(w.f.events.all()).hasSize(2);
            assertThat(w.f.events.all().get(0)).isInstanceOfSatisfying(ApprovalEvent.DecisionRecorded.class,
                    e -> assertThat(e.decision()).isEqualTo(DecisionKind.APPROVE));
            assertThat(w.f.events.all().get(1)).isInstanceOfSatisfying(ApprovalEvent.ApprovalResolved.class,
                    e -> assertThat(e.outcome()).isEqualTo(ApprovalStatus.APPROVED));
        }

        @Test
        void theRequestAnnouncesItsApprovers() {
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol, w.f.tom);

            assertThat(w.f.events.ofType(ApprovalEvent.ApprovalRequested.class)).singleElement().satisfies(e -> {
                assertThat(e.requestId()).isEqualTo(request.id());
                assertThat(e.approvers()).containsExactlyInAnyOrder(w.f.carol.userId(), w.f.tom.userId());
                assertThat(e.visibility()).isEqualTo(Visibility.CLIENT);
                assertThat(e.occurredAt()).isEqualTo(request.requestedAt());
            });
        }
    }
}
