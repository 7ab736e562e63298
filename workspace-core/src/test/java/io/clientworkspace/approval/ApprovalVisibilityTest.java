package io.clientworkspace.approval;

import io.clientworkspace.Actor;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.Page;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.DomainEvent;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.clientworkspace.approval.ApprovalWorld.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which requests: clients never see requests about internal files, nor their activity or
 * events; other tenants' ids are simply not found; lists are newest first and page over what the actor
 * may see.
 */
class ApprovalVisibilityTest {

    @TempDir
    Path blobs;

    private ApprovalWorld w;
    private ApprovalService approvals;

    @BeforeEach
    void createWorld() {
        w = ApprovalWorld.create(blobs);
        approvals = w.approvals;
    }

    private List<ApprovalRequest> list(Actor actor) {
        return approvals.list(actor, w.acme, Optional.empty(), PageRequest.first()).items();
    }

    @Nested
    class RequestsAboutInternalFiles {

        private ApprovalRequest internal;

        @BeforeEach
        void askTheTeamAboutAnInternalFile() {
            FileAsset file = w.uploadInternal(w.f.bob, "costing.pdf");
            w.f.events.clear();
            internal = w.approvals.requestForFile(w.f.bob, w.acme, file.id(), 1,
                    ask("Check the costing", w.f.tom, w.f.bob).withPolicy(ApprovalPolicy.all()));
            w.approve(w.f.tom, internal);
            w.approve(w.f.bob, internal);
        }

        @Test
        void areInvisibleToClients() {
            for (Actor client : List.of(w.f.carol, w.f.erin, w.f.dave)) {
                assertThat(approvals.find(client, w.acme, internal.id())).as("find by %s", client).isEmpty();
                w.rejects(NotFoundException.class, () -> approvals.get(client, w.acme, internal.id()));
                w.rejects(NotFoundException.class, () -> approvals.record(client, w.acme, internal.id()));
                assertThat(list(client)).as("list of %s", client).isEmpty();
                assertThat(approvals.list(client, w.acme, Optional.of(ApprovalStatus.APPROVED), PageRequest.first())
                        .items()).isEmpty();
            }
        }

        @Test
        void areVisibleToTheTeam() {
            assertThat(approvals.get(w.f.tom, w.acme, internal.id()).status()).isEqualTo(ApprovalStatus.APPROVED);
            assertThat(approvals.record(w.f.alice, w.acme, internal.id()).decisions()).hasSize(2);
            assertThat(list(w.f.bob)).extracting(ApprovalRequest::id).containsExactly(internal.id());
        }

        @Test
        void cannotBeDecidedOrCancelledByClientsWhoSeeNothing() {
            FileAsset file = w.uploadInternal(w.f.bob, "budget.pdf");
            ApprovalRequest open = w.requestFor(file, 1, w.f.tom);

            w.rejects(NotFoundException.class, () -> w.approve(w.f.carol, open));
            w.rejects(NotFoundException.class, () -> approvals.cancel(w.f.carol, w.acme, open.id()));
        }

        @Test
        void areLoggedAsTeamActivityThatClientsNeverSee() {
            assertThat(w.logOf(internal.id())).extracting(ActivityEntry::action)
                    .containsExactly("approval.requested", "approval.decided", "approval.decided", "approval.approved");
            assertThat(w.logOf(internal.id())).extracting(ActivityEntry::visibility).containsOnly(Visibility.TEAM);
            List<ActivityEntry> clientFeed = w.f.kit.activity().feed(w.f.carol, w.acme, PageRequest.first(500)).items();
            assertThat(clientFeed).noneMatch(e -> e.targetId().equals(internal.id().value()));
        }

        @Test
        void publishTeamOnlyEvents() {
            List<ApprovalEvent> events = w.f.events.ofType(ApprovalEvent.class);

            assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e.visibility()).isEqualTo(Visibility.TEAM));
        }
    }

    @Nested
    class RequestsAboutClientVisibleThings {

        @Test
        void areVisibleToEveryClientOfTheWorkspaceWithTheirWholeRecord() {
            FileAsset file = w.upload(w.f.bob, "proposal.pdf");
            ApprovalRequest request = w.requestFor(file, 1, w.f.carol);
            w.reject(w.f.carol, request);

            ApprovalRecord seenByDave = approvals.record(w.f.dave, w.acme, request.id());

            assertThat(seenByDave.request().status()).isEqualTo(ApprovalStatus.REJECTED);
            assertThat(seenByDave.decisions()).singleElement()
                    .satisfies(d -> assertThat(d.comment()).contains("Not like this"));
            assertThat(w.logOf(request.id())).extracting(ActivityEntry::visibility).containsOnly(Visibility.CLIENT);
            assertThat(w.f.kit.activity().feed(w.f.dave, w.acme, PageRequest.first(500)).items())
                    .filteredOn(e -> e.targetId().equals(request.id().value())).hasSize(3);
        }

        @Test
        void publishClientVisibleEvents() {
            w.f.events.clear();
            ApprovalRequest request = w.deliverable(ApprovalPolicy.any(), w.f.carol);
            w.approve(w.f.carol, request);

            assertThat(w.f.events.ofType(ApprovalEvent.class)).hasSize(3)
                    .allSatisfy(e -> assertThat(e.visibility()).isEqualTo(Visibility.CLIENT));
        }
    }

    @Nested
    class Lists {

        @Test
        void areNewestFirstAndPageOverWhatTheActorMaySee() {
            FileAsset shared = w.upload(w.f.bob, "proposal.pdf");
            FileAsset internalFile = w.uploadInternal(w.f.bob, "costing.pdf");
            List<ApprovalRequest> clientVisible = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                w.f.clock.advance(Duration.ofSeconds(1));
                clientVisible.add(0, w.requestFor(shared, 1, w.f.carol));
                w.f.clock.advance(Duration.ofSeconds(1));
                w.requestFor(internalFile, 1, w.f.tom);
            }

            List<ApprovalRequest> walked = new ArrayList<>();
            PageRequest page = PageRequest.first(2);
            while (true) {
                Page<ApprovalRequest> result = approvals.list(w.f.carol, w.acme, Optional.empty(), page);
                assertThat(result.items()).hasSizeLessThanOrEqualTo(2);
                walked.addAll(result.items());
                if (result.nextCursor().isEmpty()) {
                    break;
                }
                page = PageRequest.after(result.nextCursor().get(), 2);
            }

            assertThat(walked).extracting(ApprovalRequest::id)
                    .containsExactlyElementsOf(clientVisible.stream().map(ApprovalRequest::id).toList());
            assertThat(list(w.f.bob)).hasSize(10);
        }

        @Test
        void filterByStatus() {
            ApprovalRequest open = w.deliverable(ApprovalPolicy.any(), w.f.carol);
            w.f.clock.advance(Duration.ofSeconds(1));
            ApprovalRequest approved = w.deliverable(ApprovalPolicy.any(), w.f.carol);
            w.approve(w.f.carol, approved);

            assertThat(approvals.list(w.f.carol, w.acme, Optional.of(ApprovalStatus.OPEN), PageRequest.first()).items())
                    .extracting(ApprovalRequest::id).containsExactly(open.id());
            assertThat(approvals.list(w.f.carol, w.acme, Optional.of(ApprovalStatus.APPROVED), PageRequest.first())
                    .items()).extracting(ApprovalRequest::id).containsExactly(approved.id());
        }
    }

    @Nested
    class OtherTenants {

        private Fixture.OtherTenant globex;
        private ApprovalRequest theirs;
        private ApprovalRequest ours;

        @BeforeEach
        void bothTenantsHaveRequests() {
            globex = w.f.otherTenant();
            w.f.kit.members().add(globex.admin(), globex.workspace().id(), UserId.of("gina"), WorkspaceRole.CLIENT_ADMIN);
            theirs = approvals.requestForDeliverable(globex.admin(), globex.workspace().id(), "Their logo",
                    Optional.empty(), NewApproval.of("Theirs", Set.of(UserId.of("gina"))));
            ours = w.deliverable(ApprovalPolicy.any(), w.f.carol);
        }

        @Test
        void theirRequestIdsAreNotFoundInOurWorkspace() {
            assertThat(approvals.find(w.f.bob, w.acme, theirs.id())).isEmpty();
            w.rejects(NotFoundException.class, () -> approvals.record(w.f.bob, w.acme, theirs.id()));
            w.rejects(NotFoundException.class, () -> approvals.cancel(w.f.bob, w.acme, theirs.id()));
            w.rejects(NotFoundException.class, () -> w.approve(w.f.carol, theirs));
        }

        @Test
        void ourWorkspaceIdIsNotFoundForThem() {
            Actor olga = globex.admin();
            Actor gina = globex.client("gina");

            w.rejects(NotFoundException.class, () -> approvals.get(olga, w.acme, ours.id()));
            w.rejects(NotFoundException.class, () -> approvals.list(olga, w.acme, Optional.empty(), PageRequest.first()));
            w.rejects(NotFoundException.class, () -> approvals.cancel(olga, w.acme, ours.id()));
            w.rejects(NotFoundException.class, () -> approvals.decide(gina, w.acme, ours.id(), DecisionKind.APPROVE,
                    Optional.empty()));
            w.rejects(NotFoundException.class, () -> approvals.requestForDeliverable(olga, w.acme, "Sneaky",
                    Optional.empty(), NewApproval.of("Sneaky", Set.of(UserId.of("gina")))));
        }

        @Test
        void theirWorkspaceIdIsNotFoundForUs() {
            w.rejects(NotFoundException.class, () -> approvals.get(w.f.alice, globex.workspace().id(), theirs.id()));
            w.rejects(NotFoundException.class, () -> approvals.list(w.f.bob, globex.workspace().id(), Optional.empty(),
                    PageRequest.first()));
        }

        @Test
        void ourEventsAndTheirsStayApart() {
            List<DomainEvent> all = w.f.events.all();

            assertThat(all).filteredOn(e -> e instanceof ApprovalEvent a && a.requestId().equals(theirs.id()))
                    .allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(globex.tenant().id()));
            assertThat(all).filteredOn(e -> e instanceof ApprovalEvent a && a.requestId().equals(ours.id()))
                    .allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(w.f.tenant.id()));
        }
    }
}
