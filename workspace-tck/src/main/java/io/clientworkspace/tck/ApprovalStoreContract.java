package io.clientworkspace.tck;

import io.clientworkspace.ActorKind;
import io.clientworkspace.ApprovalId;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.approval.ApprovalPolicy;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.ApprovalStatus;
import io.clientworkspace.approval.ApprovalSubject;
import io.clientworkspace.approval.Decision;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.file.FileVersion;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link ApprovalStore}: requests with versions, every field of both kinds of subject,
 * tenant and workspace scope on every read and write, newest-first keyset lists with a status filter,
 * the requests of one file, the overdue ones across tenants, and the append-only decision record
 * numbered 1, 2, 3... without gaps. Extend it and implement {@link #createStores()}.
 */
public abstract class ApprovalStoreContract extends StoreContractSupport {

    private ApprovalStore approvals() {
        return stores().require(ApprovalStore.class);
    }

    private ApprovalRequest insert(ApprovalRequest request) {
        return inUnitOfWork(() -> approvals().insert(request));
    }

    private ApprovalRequest update(ApprovalRequest request) {
        return inUnitOfWork(() -> approvals().update(request));
    }

    private Decision append(Decision decision) {
        runInUnitOfWork(() -> approvals().appendDecision(decision));
        return decision;
    }

    private ApprovalRequest stored(Workspace workspace) {
        return insert(data.approval(workspace.tenantId(), workspace.id()));
    }

    private FileVersion storedFileVersion(Workspace workspace) {
        FileAsset file = data.file(workspace.tenantId(), workspace.id());
        FileVersion first = data.firstVersion(file);
        runInUnitOfWork(() -> stores().require(FileStore.class).insert(file, first));
        return first;
    }

    private FileVersion nextVersion(FileVersion previous) {
        return inUnitOfWork(() -> stores().require(FileStore.class).appendVersion(data.versionAfter(previous)));
    }

    private List<Decision> decisions(ApprovalRequest request) {
        return approvals().decisions(request.tenantId(), request.workspaceId(), request.id());
    }

    private List<ApprovalRequest> all(Workspace workspace) {
        return approvals().list(workspace.tenantId(), workspace.id(), Optional.empty(), Optional.empty(), 500);
    }

    /** Inserts the requests in shuffled order; returns them newest (greatest id) first. */
    private List<ApprovalRequest> insertShuffled(List<ApprovalRequest> requests) {
        List<ApprovalRequest> shuffled = new ArrayList<>(requests);
        Collections.shuffle(shuffled);
        List<ApprovalRequest> stored = new ArrayList<>(shuffled.stream().map(this::insert).toList());
        stored.sort(Comparator.comparing(ApprovalRequest::id).reversed());
        return stored;
    }

    private List<ApprovalRequest> insertShuffled(Workspace workspace, int count) {
        return insertShuffled(IntStream.range(0, count)
                .mapToObj(i -> data.approval(workspace.tenantId(), workspace.id())).toList());
    }

    private static ApprovalRequest withVersion(ApprovalRequest r, long version) {
        return new ApprovalRequest(r.id(), r.tenantId(), r.workspaceId(), r.title(), r.message(), r.subject(),
                r.approvers(), r.policy(), r.dueAt(), r.status(), r.requestedBy(), r.requestedAt(), r.resolvedAt(),
                version);
    }

    // ------------------------------------------------------------------------------------------ requests

    @Test
    void insertStoresVersionZeroWhateverTheArgumentCarries() {
        Workspace workspace = storedWorkspace();

        ApprovalRequest stored = insert(data.anApproval(workspace.tenantId(), workspace.id()).version(5).build());

        assertThat(stored.version()).isZero();
        assertThat(approvals().find(workspace.tenantId(), workspace.id(), stored.id()))
                .get().extracting(ApprovalRequest::version).isEqualTo(0L);
    }

    @Test
    void aDeliverableRequestKeepsEveryField() {
        Workspace workspace = storedWorkspace();
        Set<UserId> approvers = Set.of(data.userId(), data.userId(), data.userId());
        ApprovalRequest request = data.anApproval(workspace.tenantId(), workspace.id())
                .title("Logo „final“ – v2")
                .message("Bitte bis Freitag prüfen.\nDanke!")
                .subject(new ApprovalSubject.DeliverableSubject("The new logo, all variants",
                        Optional.of("https://example.com/logo?v=2&lang=de")))
                .approvers(approvers).policy(ApprovalPolicy.quorum(2)).dueAt(data.instant().plusSeconds(86_400))
                .build();

        ApprovalRequest stored = insert(request);

        assertThat(stored).isEqualTo(request);
        assertThat(approvals().find(workspace.tenantId(), workspace.id(), request.id())).contains(request);
        assertThat(approvals().find(workspace.tenantId(), workspace.id(), request.id())).get()
                .satisfies(r -> assertThat(r.approvers()).containsExactlyInAnyOrderElementsOf(approvers));
    }

    @Test
    void aDeliverableWithoutLinkMessageOrDueDateRoundTrips() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest request = data.anApproval(workspace.tenantId(), workspace.id()).policy(ApprovalPolicy.all())
                .build();

        insert(request);

        assertThat(approvals().find(workspace.tenantId(), workspace.id(), request.id())).contains(request);
    }

    @Test
    void aFileVersionRequestKeepsTheVersionAndItsHash() {
        Workspace workspace = storedWorkspace();
        FileVersion version = nextVersion(storedFileVersion(workspace));
        ApprovalRequest request = data.anApproval(workspace.tenantId(), workspace.id()).about(version).build();

        insert(request);

        assertThat(approvals().find(workspace.tenantId(), workspace.id(), request.id())).contains(request);
        assertThat(approvals().find(workspace.tenantId(), workspace.id(), request.id())).get()
                .extracting(ApprovalRequest::subject)
                .isEqualTo(new ApprovalSubject.FileVersionSubject(version.fileId(), 2, version.sha256()));
    }

    @Test
    void aResolvedRequestRoundTrips() {
        Workspace workspace = storedWorkspace();
        Instant requestedAt = data.instant();
        ApprovalRequest request = data.anApproval(workspace.tenantId(), workspace.id()).requestedAt(requestedAt)
                .resolved(ApprovalStatus.CHANGES_REQUESTED, requestedAt.plusSeconds(3_600)).build();

        insert(request);

        assertThat(approvals().find(workspace.tenantId(), workspace.id(), request.id())).contains(request);
    }

    @Test
    void findOfAnUnknownIdIsEmpty() {
        Workspace workspace = storedWorkspace();
        stored(workspace);

        assertThat(approvals().find(workspace.tenantId(), workspace.id(), data.approvalId())).isEmpty();
        assertThat(approvals().decisions(workspace.tenantId(), workspace.id(), data.approvalId())).isEmpty();
    }

    @Test
    void insertOfATakenIdIsAlreadyExistsAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest first = stored(workspace);
        ApprovalRequest clash = data.anApproval(workspace.tenantId(), workspace.id()).id(first.id()).title("Clash").build();

        assertConflict(ALREADY_EXISTS, () -> insert(clash));

        assertThat(approvals().find(workspace.tenantId(), workspace.id(), first.id())).contains(first);
        assertThat(all(workspace)).containsExactly(first);
    }

    @Test
    void updateIncrementsTheVersionAndStoresTheOutcome() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest stored = stored(workspace);
        ApprovalRequest resolved = stored.resolved(ApprovalStatus.APPROVED, stored.requestedAt().plusSeconds(90));

        ApprovalRequest updated = update(resolved);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated).isEqualTo(withVersion(resolved, 1));
        assertThat(approvals().find(workspace.tenantId(), workspace.id(), stored.id())).contains(updated);
    }

    @Test
    void updateWithStaleVersionIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest stored = stored(workspace);
        ApprovalRequest current = update(stored.resolved(ApprovalStatus.CANCELLED, data.instant()));

        assertConflict(STALE_VERSION, () -> update(stored.resolved(ApprovalStatus.APPROVED, data.instant())));

        assertThat(approvals().find(workspace.tenantId(), workspace.id(), stored.id())).contains(current);
    }

    @Test
    void updateWithAVersionAheadOfTheStoredOneIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest stored = stored(workspace);

        assertConflict(STALE_VERSION, () -> update(withVersion(stored.resolved(ApprovalStatus.APPROVED, data.instant()), 1)));

        assertThat(approvals().find(workspace.tenantId(), workspace.id(), stored.id())).contains(stored);
    }

    @Test
    void updateOfAMissingRequestIsAStaleVersionConflictAndStoresNothing() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest missing = data.approval(workspace.tenantId(), workspace.id());

        assertConflict(STALE_VERSION, () -> update(missing));

        assertThat(approvals().find(workspace.tenantId(), workspace.id(), missing.id())).isEmpty();
        assertThat(all(workspace)).isEmpty();
    }

    @Test
    void updateInAnotherWorkspaceOrTenantIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        ApprovalRequest stored = stored(workspace);

        assertConflict(STALE_VERSION, () -> update(data.anApproval(tenant.id(), otherWorkspace.id()).id(stored.id())
                .resolved(ApprovalStatus.APPROVED, data.instant()).build()));
        assertConflict(STALE_VERSION, () -> update(data.anApproval(otherTenant.id(), workspace.id()).id(stored.id())
                .resolved(ApprovalStatus.APPROVED, data.instant()).build()));

        assertThat(approvals().find(workspace.tenantId(), workspace.id(), stored.id())).contains(stored);
        assertThat(all(otherWorkspace)).isEmpty();
        assertThat(approvals().find(otherTenant.id(), workspace.id(), stored.id())).isEmpty();
    }

    @Test
    void findForUpdateReturnsTheRequestOutsideAndInsideAUnitOfWork() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest stored = stored(workspace);

        assertThat(approvals().findForUpdate(workspace.tenantId(), workspace.id(), stored.id())).contains(stored);
        assertThat(inUnitOfWork(() -> approvals().findForUpdate(workspace.tenantId(), workspace.id(), stored.id())))
                .contains(stored);
        assertThat(inUnitOfWork(() -> approvals().findForUpdate(workspace.tenantId(), workspace.id(), data.approvalId())))
                .isEmpty();
    }

    @Test
    void readsWithAnotherTenantOrWorkspaceSeeNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        FileVersion version = storedFileVersion(workspace);
        ApprovalRequest request = insert(data.approvalOf(version));
        append(data.decision(request, 1));

        for (TenantId t : List.of(tenant.id(), otherTenant.id())) {
            for (WorkspaceId w : List.of(otherWorkspace.id(), workspace.id())) {
                if (t.equals(tenant.id()) && w.equals(workspace.id())) {
                    continue;
                }
                assertThat(approvals().find(t, w, request.id())).isEmpty();
                assertThat(approvals().list(t, w, Optional.empty(), Optional.empty(), 10)).isEmpty();
                assertThat(approvals().list(t, w, Optional.of(ApprovalStatus.OPEN), Optional.empty(), 10)).isEmpty();
                assertThat(approvals().listForFile(t, w, version.fileId(), 10)).isEmpty();
                assertThat(approvals().decisions(t, w, request.id())).isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ lists

    @Test
    void listIsNewestFirstById() {
        Workspace workspace = storedWorkspace();
        List<ApprovalRequest> newestFirst = insertShuffled(workspace, 6);

        assertThat(all(workspace)).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void listStartsStrictlyBeforeTheGivenId() {
        Workspace workspace = storedWorkspace();
        List<ApprovalRequest> newestFirst = insertShuffled(workspace, 6);

        assertThat(approvals().list(workspace.tenantId(), workspace.id(), Optional.empty(),
                Optional.of(newestFirst.get(1).id()), 10)).containsExactlyElementsOf(newestFirst.subList(2, 6));
    }

    @Test
    void listReturnsAtMostLimitRequests() {
        Workspace workspace = storedWorkspace();
        List<ApprovalRequest> newestFirst = insertShuffled(workspace, 6);

        assertThat(approvals().list(workspace.tenantId(), workspace.id(), Optional.empty(), Optional.empty(), 4))
                .containsExactlyElementsOf(newestFirst.subList(0, 4));
    }

    @Test
    void walkingAllPagesYieldsEveryRequestOnceNewestFirst() {
        Workspace workspace = storedWorkspace();
        List<ApprovalRequest> newestFirst = insertShuffled(workspace, 11);

        List<ApprovalRequest> walked = new ArrayList<>();
        Optional<ApprovalId> before = Optional.empty();
        while (true) {
            List<ApprovalRequest> page = approvals().list(workspace.tenantId(), workspace.id(), Optional.empty(), before, 4);
            assertThat(page).hasSizeLessThanOrEqualTo(4);
            if (page.isEmpty()) {
                break;
            }
            walked.addAll(page);
            before = Optional.of(page.get(page.size() - 1).id());
        }

        assertThat(walked).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void listWithAStatusShowsOnlyRequestsWithThatStatusAndPagesOverThem() {
        Workspace workspace = storedWorkspace();
        ApprovalStatus[] statuses = ApprovalStatus.values();
        List<ApprovalRequest> created = new ArrayList<>();
        for (int i = 0; i < 3 * statuses.length; i++) {
            ApprovalStatus status = statuses[i % statuses.length];
            TestData.ApprovalRequestBuilder builder = data.anApproval(workspace.tenantId(), workspace.id());
            if (status != ApprovalStatus.OPEN) {
                builder.resolved(status, data.instant());
            }
            created.add(builder.build());
        }
        List<ApprovalRequest> newestFirst = insertShuffled(created);
        List<ApprovalRequest> open = newestFirst.stream().filter(r -> r.status() == ApprovalStatus.OPEN).toList();

        for (ApprovalStatus status : statuses) {
            assertThat(approvals().list(workspace.tenantId(), workspace.id(), Optional.of(status), Optional.empty(), 10))
                    .as("requests %s", status)
                    .containsExactlyElementsOf(newestFirst.stream().filter(r -> r.status() == status).toList());
        }
        assertThat(approvals().list(workspace.tenantId(), workspace.id(), Optional.of(ApprovalStatus.OPEN),
                Optional.empty(), 2)).containsExactlyElementsOf(open.subList(0, 2));
        assertThat(approvals().list(workspace.tenantId(), workspace.id(), Optional.of(ApprovalStatus.OPEN),
                Optional.of(open.get(1).id()), 2)).containsExactly(open.get(2));
    }

    @Test
    void listWithAStatusFollowsUpdates() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest stays = stored(workspace);
        ApprovalRequest approved = update(stored(workspace).resolved(ApprovalStatus.APPROVED, data.instant()));

        assertThat(approvals().list(workspace.tenantId(), workspace.id(), Optional.of(ApprovalStatus.OPEN),
                Optional.empty(), 10)).containsExactly(stays);
        assertThat(approvals().list(workspace.tenantId(), workspace.id(), Optional.of(ApprovalStatus.APPROVED),
                Optional.empty(), 10)).containsExactly(approved);
    }

    @Test
    void listForFileShowsTheRequestsAboutAnyVersionOfThatFileNewestFirst() {
        Workspace workspace = storedWorkspace();
        FileVersion v1 = storedFileVersion(workspace);
        FileVersion v2 = nextVersion(v1);
        FileVersion otherFile = storedFileVersion(workspace);
        ApprovalRequest onV1 = insert(data.approvalOf(v1));
        insert(data.approvalOf(otherFile));
        stored(workspace);
        ApprovalRequest onV2 = insert(data.approvalOf(v2));
        ApprovalRequest onV1Resolved = insert(data.anApproval(workspace.tenantId(), workspace.id()).about(v1)
                .resolved(ApprovalStatus.SUPERSEDED, data.instant()).build());

        assertThat(approvals().listForFile(workspace.tenantId(), workspace.id(), v1.fileId(), 10))
                .containsExactly(onV1Resolved, onV2, onV1);
    }

    @Test
    void listForFileReturnsAtMostLimitNewestRequests() {
        Workspace workspace = storedWorkspace();
        FileVersion version = storedFileVersion(workspace);
        List<ApprovalRequest> newestFirst = insertShuffled(IntStream.range(0, 5)
                .mapToObj(i -> data.approvalOf(version)).toList());

        assertThat(approvals().listForFile(workspace.tenantId(), workspace.id(), version.fileId(), 3))
                .containsExactlyElementsOf(newestFirst.subList(0, 3));
    }

    @Test
    void listForAFileWithoutRequestsIsEmpty() {
        Workspace workspace = storedWorkspace();
        FileVersion version = storedFileVersion(workspace);
        stored(workspace);

        assertThat(approvals().listForFile(workspace.tenantId(), workspace.id(), version.fileId(), 10)).isEmpty();
    }

    @Test
    void listOverdueFindsOpenRequestsDueBeforeNowInEveryTenant() {
        Workspace workspace = storedWorkspace();
        Workspace otherTenantsWorkspace = storedWorkspace();
        Instant now = data.instant().plusSeconds(10_000);
        ApprovalRequest overdue = insert(data.anApproval(workspace.tenantId(), workspace.id())
                .dueAt(now.minusSeconds(60)).build());
        ApprovalRequest overdueElsewhere = insert(data.anApproval(otherTenantsWorkspace.tenantId(),
                otherTenantsWorkspace.id()).dueAt(now.minusSeconds(1)).build());
        insert(data.anApproval(workspace.tenantId(), workspace.id()).dueAt(now).build());
        insert(data.anApproval(workspace.tenantId(), workspace.id()).dueAt(now.plusSeconds(1)).build());
        insert(data.approval(workspace.tenantId(), workspace.id()));
        insert(data.anApproval(workspace.tenantId(), workspace.id()).dueAt(now.minusSeconds(60))
                .resolved(ApprovalStatus.APPROVED, now.minusSeconds(120)).build());
        update(insert(data.anApproval(workspace.tenantId(), workspace.id()).dueAt(now.minusSeconds(60)).build())
                .resolved(ApprovalStatus.EXPIRED, now.minusSeconds(30)));

        assertThat(approvals().listOverdue(now, 100)).containsExactlyInAnyOrder(overdue, overdueElsewhere);
    }

    @Test
    void listOverdueReturnsAtMostLimitRequests() {
        Workspace workspace = storedWorkspace();
        Instant now = data.instant().plusSeconds(10_000);
        List<ApprovalRequest> overdue = IntStream.range(0, 5).mapToObj(i -> insert(data.anApproval(workspace.tenantId(),
                workspace.id()).dueAt(now.minusSeconds(100 - i)).build())).toList();

        List<ApprovalRequest> firstBatch = approvals().listOverdue(now, 3);

        assertThat(firstBatch).hasSize(3).isSubsetOf(overdue).doesNotHaveDuplicates();
    }

    @Test
    void listOverdueIsEmptyWhenNothingIsDue() {
        Workspace workspace = storedWorkspace();
        Instant now = data.instant();
        insert(data.anApproval(workspace.tenantId(), workspace.id()).dueAt(now.plusSeconds(60)).build());

        assertThat(approvals().listOverdue(now, 10)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ decisions

    @Test
    void decisionsAreKeptInOrderWithEveryField() {
        Workspace workspace = storedWorkspace();
        FileVersion version = storedFileVersion(workspace);
        UserId carol = data.userId();
        UserId tom = data.userId();
        ApprovalRequest request = insert(data.anApproval(workspace.tenantId(), workspace.id()).about(version)
                .approvers(Set.of(carol, tom)).policy(ApprovalPolicy.all()).build());

        Decision first = append(data.aDecision(request).sequence(1).approver(carol, ActorKind.CLIENT)
                .kind(DecisionKind.REQUEST_CHANGES, "Bitte das Logo größer – „so“ nicht.").build());
        Decision second = append(data.aDecision(request).sequence(2).approver(tom, ActorKind.TEAM)
                .kind(DecisionKind.REJECT, "No").build());
        Decision third = append(data.aDecision(request).sequence(3).approver(carol, ActorKind.CLIENT).approve().build());

        assertThat(decisions(request)).containsExactly(first, second, third);
        assertThat(third.versionNumber()).contains(1);
        assertThat(third.sha256()).contains(version.sha256());
    }

    @Test
    void aDecisionOnADeliverableHasNoVersionOrHash() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest request = stored(workspace);

        Decision decision = append(data.decision(request, 1));

        assertThat(decisions(request)).containsExactly(decision);
        assertThat(decisions(request).get(0).versionNumber()).isEmpty();
        assertThat(decisions(request).get(0).sha256()).isEmpty();
    }

    @Test
    void aRequestWithoutDecisionsHasAnEmptyRecord() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest request = stored(workspace);
        append(data.decision(stored(workspace), 1));

        assertThat(decisions(request)).isEmpty();
    }

    @Test
    void eachRequestHasItsOwnSequence() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest one = stored(workspace);
        ApprovalRequest two = stored(workspace);

        Decision oneFirst = append(data.decision(one, 1));
        Decision twoFirst = append(data.decision(two, 1));
        Decision oneSecond = append(data.decision(one, 2));

        assertThat(decisions(one)).containsExactly(oneFirst, oneSecond);
        assertThat(decisions(two)).containsExactly(twoFirst);
    }

    @Test
    void appendingATakenSequenceIsAStaleVersionConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest request = stored(workspace);
        Decision first = append(data.decision(request, 1));
        Decision second = append(data.decision(request, 2));

        assertConflict(STALE_VERSION, () -> append(data.aDecision(request).sequence(2)
                .kind(DecisionKind.REJECT, "Lost").build()));
        assertConflict(STALE_VERSION, () -> append(data.decision(request, 1)));

        assertThat(decisions(request)).containsExactly(first, second);
    }

    @Test
    void appendingASequenceThatSkipsAheadIsAStaleVersionConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest request = stored(workspace);
        Decision first = append(data.decision(request, 1));

        assertConflict(STALE_VERSION, () -> append(data.decision(request, 3)));

        assertThat(decisions(request)).containsExactly(first);
    }

    @Test
    void aFirstDecisionMustHaveSequenceOne() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest request = stored(workspace);

        assertConflict(STALE_VERSION, () -> append(data.decision(request, 2)));

        assertThat(decisions(request)).isEmpty();
    }

    @Test
    void appendingToARequestOfAnotherWorkspaceOrTenantIsAConflictAndChangesNothing() {
        Tenant tenant = storedTenant();
        Workspace workspace = storedWorkspace(tenant);
        Workspace otherWorkspace = storedWorkspace(tenant);
        Tenant otherTenant = storedTenant();
        ApprovalRequest request = stored(workspace);
        Decision first = append(data.decision(request, 1));

        assertConflict(STALE_VERSION, () -> append(data.decision(data.anApproval(tenant.id(), otherWorkspace.id())
                .id(request.id()).build(), 2)));
        assertConflict(STALE_VERSION, () -> append(data.decision(data.anApproval(otherTenant.id(), workspace.id())
                .id(request.id()).build(), 2)));

        assertThat(decisions(request)).containsExactly(first);
        assertThat(approvals().decisions(tenant.id(), otherWorkspace.id(), request.id())).isEmpty();
        assertThat(approvals().decisions(otherTenant.id(), workspace.id(), request.id())).isEmpty();
    }

    @Test
    void updatingTheRequestKeepsItsDecisions() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest request = stored(workspace);
        Decision first = append(data.decision(request, 1));

        update(request.resolved(ApprovalStatus.APPROVED, data.instant()));

        assertThat(decisions(request)).containsExactly(first);
    }

    // ------------------------------------------------------------------------------------------ concurrency

    @Test
    void concurrentInsertsOfOneIdLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        ApprovalId id = data.approvalId();

        Concurrently.Outcomes<ApprovalRequest> outcomes = Concurrently.run(i ->
                insert(data.anApproval(workspace.tenantId(), workspace.id()).id(id).title("Writer " + i).build()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(ALREADY_EXISTS, failure));
        assertThat(all(workspace)).containsExactly(outcomes.successes().get(0));
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest stored = stored(workspace);
        ApprovalStatus[] outcomesToTry = {ApprovalStatus.APPROVED, ApprovalStatus.REJECTED, ApprovalStatus.CANCELLED};

        Concurrently.Outcomes<ApprovalRequest> outcomes = Concurrently.run(i ->
                update(stored.resolved(outcomesToTry[i % outcomesToTry.length], data.instant())));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(approvals().find(workspace.tenantId(), workspace.id(), stored.id()))
                .contains(outcomes.successes().get(0));
    }

    @Test
    void concurrentAppendsOfOneSequenceLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        ApprovalRequest request = stored(workspace);

        Concurrently.Outcomes<Decision> outcomes = Concurrently.run(i -> append(data.decision(request, 1)));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(decisions(request)).containsExactly(outcomes.successes().get(0));
    }

    @Test
    void findForUpdateMakesDecisionsRunOneAfterAnotherSoNoneIsLost() {
        Workspace workspace = storedWorkspace();
        List<UserId> approvers = IntStream.range(0, Concurrently.THREADS).mapToObj(i -> data.userId()).toList();
        ApprovalRequest request = insert(data.anApproval(workspace.tenantId(), workspace.id())
                .approvers(Set.copyOf(approvers)).policy(ApprovalPolicy.all()).build());

        Concurrently.Outcomes<Decision> outcomes = Concurrently.run(i -> inUnitOfWork(() -> {
            ApprovalRequest current = approvals().findForUpdate(request.tenantId(), request.workspaceId(), request.id())
                    .orElseThrow();
            int next = approvals().decisions(current.tenantId(), current.workspaceId(), current.id()).size() + 1;
            Decision decision = data.aDecision(current).sequence(next).approver(approvers.get(i), ActorKind.CLIENT).build();
            approvals().appendDecision(decision);
            return decision;
        }));

        assertThat(outcomes.failures()).as("decisions under the request's lock never collide").isEmpty();
        List<Decision> record = decisions(request);
        assertThat(record).extracting(Decision::sequence)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, Concurrently.THREADS).boxed().toList());
        assertThat(record).extracting(Decision::approver).containsExactlyInAnyOrderElementsOf(approvers);
        assertThat(record).containsExactlyInAnyOrderElementsOf(outcomes.successes());
    }
}
