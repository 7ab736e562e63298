package io.clientworkspace.tck;

import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormRef;
import io.clientworkspace.request.InboxFilter;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link RequestStore}: every field and every kind of answer round-trips, versions, tenant and
 * workspace scope on every call, newest-first keyset lists with a status filter, and the team inbox across
 * several workspaces in one call with its filter. Extend it and implement {@link #createStores()}.
 */
public abstract class RequestStoreContract extends StoreContractSupport {

    /** Forms, requests and assignments built from {@link #data}. */
    protected final RequestTestData requestData = new RequestTestData(data);

    private RequestStore requests() {
        return stores().require(RequestStore.class);
    }

    private ClientRequest insert(ClientRequest request) {
        return inUnitOfWork(() -> requests().insert(request));
    }

    private ClientRequest update(ClientRequest request) {
        return inUnitOfWork(() -> requests().update(request));
    }

    private ClientRequest stored(Workspace workspace) {
        return insert(requestData.request(workspace.tenantId(), workspace.id()));
    }

    @Test
    void aRequestWithEveryFieldAndEveryKindOfAnswerRoundTrips() {
        Workspace workspace = storedWorkspace();
        ClientRequest request = requestData.fullRequest(workspace.tenantId(), workspace.id(),
                new FormRef(requestData.formId(), 3));

        assertThat(insert(request)).isEqualTo(request);

        assertThat(requests().find(workspace.tenantId(), workspace.id(), request.id())).contains(request);
    }

    @Test
    void aFreeFormRequestRoundTrips() {
        Workspace workspace = storedWorkspace();
        ClientRequest request = requestData.request(workspace.tenantId(), workspace.id());

        insert(request);

        assertThat(requests().find(workspace.tenantId(), workspace.id(), request.id())).contains(request);
    }

    @Test
    void insertStoresVersionZero() {
        Workspace workspace = storedWorkspace();

        ClientRequest stored = insert(requestData.request(workspace.tenantId(), workspace.id()).withVersion(7));

        assertThat(stored.version()).isZero();
    }

    @Test
    void aTakenIdIsAlreadyExists() {
        Workspace workspace = storedWorkspace();
        ClientRequest first = stored(workspace);

        assertConflict(ALREADY_EXISTS, () -> insert(first.withDue(Optional.of(java.time.LocalDate.of(2030, 1, 1)))));

        assertThat(requests().find(workspace.tenantId(), workspace.id(), first.id())).contains(first);
    }

    @Test
    void updateIncrementsTheVersion() {
        Workspace workspace = storedWorkspace();
        ClientRequest stored = stored(workspace);
        ClientRequest changed = stored.withAssignee(Optional.of(data.userId()));

        ClientRequest updated = update(changed);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(requests().find(workspace.tenantId(), workspace.id(), stored.id())).contains(changed.withVersion(1));
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        Workspace workspace = storedWorkspace();
        ClientRequest stored = stored(workspace);
        update(stored.withAssignee(Optional.of(data.userId())));

        assertConflict(STALE_VERSION, () -> update(stored.withDue(Optional.of(java.time.LocalDate.of(2030, 1, 1)))));

        assertThat(requests().find(workspace.tenantId(), workspace.id(), stored.id())).get()
                .extracting(ClientRequest::due).isEqualTo(Optional.empty());
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        ClientRequest stored = stored(workspace);

        Concurrently.Outcomes<ClientRequest> outcomes = Concurrently.run(i ->
                update(stored.withAssignee(Optional.of(data.userId()))));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
    }

    @Test
    void aRequestIsInvisibleFromAnotherWorkspaceOrTenant() {
        Workspace workspace = storedWorkspace();
        Workspace sibling = storedWorkspace(stores().tenants().find(workspace.tenantId()).orElseThrow());
        Workspace foreign = storedWorkspace();
        ClientRequest stored = stored(workspace);

        assertThat(requests().find(workspace.tenantId(), sibling.id(), stored.id())).isEmpty();
        assertThat(requests().find(foreign.tenantId(), workspace.id(), stored.id())).isEmpty();
        assertThat(requests().list(foreign.tenantId(), workspace.id(), Set.of(), Optional.empty(), 10)).isEmpty();
        assertThat(requests().inbox(foreign.tenantId(), Set.of(workspace.id()), InboxFilter.open(), Optional.empty(), 10))
                .isEmpty();
        assertConflict(STALE_VERSION, () -> update(new ClientRequest(stored.id(), foreign.tenantId(), workspace.id(),
                "x", "", stored.priority(), stored.status(), Optional.empty(), Optional.empty(), Optional.empty(),
                stored.answers(), List.of(), stored.submittedBy(), stored.submittedAt(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0)));
    }

    @Test
    void listIsNewestFirstKeysetPagedAndFiltersByStatus() {
        Workspace workspace = storedWorkspace();
        ClientRequest a = stored(workspace);
        ClientRequest b = stored(workspace);
        ClientRequest c = stored(workspace);
        update(b.withStatus(RequestStatus.DONE, Optional.of(data.instant()), Optional.empty(), Optional.empty()));

        List<ClientRequest> first = requests().list(workspace.tenantId(), workspace.id(), Set.of(), Optional.empty(), 2);
        List<ClientRequest> rest = requests().list(workspace.tenantId(), workspace.id(), Set.of(),
                Optional.of(first.get(1).id()), 2);

        assertThat(first).extracting(ClientRequest::id).containsExactly(c.id(), b.id());
        assertThat(rest).extracting(ClientRequest::id).containsExactly(a.id());
        assertThat(requests().list(workspace.tenantId(), workspace.id(), EnumSet.of(RequestStatus.DONE), Optional.empty(), 10))
                .extracting(ClientRequest::id).containsExactly(b.id());
    }

    @Test
    void theInboxSpansTheGivenWorkspacesAndAppliesItsFilter() {
        Workspace one = storedWorkspace();
        Workspace two = storedWorkspace(stores().tenants().find(one.tenantId()).orElseThrow());
        Workspace notServed = storedWorkspace(stores().tenants().find(one.tenantId()).orElseThrow());
        Instant early = data.instant();
        ClientRequest old = insert(withSubmittedAt(requestData.request(one.tenantId(), one.id()), early));
        ClientRequest assigned = insert(requestData.request(one.tenantId(), two.id())
                .withAssignee(Optional.of(io.clientworkspace.UserId.of("tom"))));
        ClientRequest done = insert(requestData.request(one.tenantId(), two.id()));
        update(done.withStatus(RequestStatus.DONE, Optional.of(data.instant()), Optional.empty(), Optional.empty()));
        stored(notServed);
        Set<io.clientworkspace.WorkspaceId> served = Set.of(one.id(), two.id());

        assertThat(requests().inbox(one.tenantId(), served, InboxFilter.open(), Optional.empty(), 10))
                .extracting(ClientRequest::id).containsExactly(assigned.id(), old.id());
        assertThat(requests().inbox(one.tenantId(), served, InboxFilter.open().assignedTo(io.clientworkspace.UserId.of("tom")),
                Optional.empty(), 10)).extracting(ClientRequest::id).containsExactly(assigned.id());
        assertThat(requests().inbox(one.tenantId(), served, InboxFilter.open().submittedBefore(early.plusNanos(1000)),
                Optional.empty(), 10)).extracting(ClientRequest::id).containsExactly(old.id());
        assertThat(requests().inbox(one.tenantId(), served, InboxFilter.open(), Optional.of(assigned.id()), 10))
                .extracting(ClientRequest::id).containsExactly(old.id());
    }

    private static ClientRequest withSubmittedAt(ClientRequest r, Instant at) {
        return new ClientRequest(r.id(), r.tenantId(), r.workspaceId(), r.title(), r.description(), r.priority(),
                r.status(), r.assignee(), r.due(), r.form(), r.answers(), r.attachments(), r.submittedBy(), at,
                r.firstResponseAt(), r.resolvedAt(), r.declineReason(), r.version());
    }
}
