package io.clientworkspace.tck;

import io.clientworkspace.FileId;
import io.clientworkspace.request.AssignmentStatus;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormRef;
import io.clientworkspace.spi.FormAssignmentStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link FormAssignmentStore}: every field and the draft answers round-trip, versions (of two
 * submissions from one version exactly one wins), tenant and workspace scope, newest-first keyset lists with a
 * status filter. Extend it and implement {@link #createStores()}.
 */
public abstract class FormAssignmentStoreContract extends StoreContractSupport {

    /** Forms, requests and assignments built from {@link #data}. */
    protected final RequestTestData requestData = new RequestTestData(data);

    private FormAssignmentStore assignments() {
        return stores().require(FormAssignmentStore.class);
    }

    private FormAssignment insert(FormAssignment a) {
        return inUnitOfWork(() -> assignments().insert(a));
    }

    private FormAssignment update(FormAssignment a) {
        return inUnitOfWork(() -> assignments().update(a));
    }

    private FormAssignment stored(Workspace workspace) {
        return insert(requestData.assignment(workspace.tenantId(), workspace.id(), new FormRef(requestData.formId(), 2)));
    }

    @Test
    void anOpenAssignmentRoundTrips() {
        Workspace workspace = storedWorkspace();
        FormAssignment a = requestData.assignment(workspace.tenantId(), workspace.id(), new FormRef(requestData.formId(), 2));

        assertThat(insert(a)).isEqualTo(a);

        assertThat(assignments().find(workspace.tenantId(), workspace.id(), a.id())).contains(a);
    }

    @Test
    void aDraftWithEveryKindOfAnswerAndASubmissionRoundTrip() {
        Workspace workspace = storedWorkspace();
        FormAssignment a = stored(workspace);
        FormAssignment drafted = update(a.withDraft(RequestTestData.everyAnswerKind(FileId.of("f-1"))));

        FormAssignment submitted = update(drafted.submitted(drafted.draft(), data.userId(), data.instant(),
                requestData.requestId()));

        assertThat(assignments().find(workspace.tenantId(), workspace.id(), a.id())).contains(submitted);
        assertThat(submitted.version()).isEqualTo(2);
    }

    @Test
    void aTakenIdIsAlreadyExists() {
        Workspace workspace = storedWorkspace();
        FormAssignment a = stored(workspace);

        assertConflict(ALREADY_EXISTS, () -> insert(a.cancelled()));

        assertThat(assignments().find(workspace.tenantId(), workspace.id(), a.id())).contains(a);
    }

    @Test
    void twoSubmissionsFromOneVersionLetExactlyOneWin() {
        Workspace workspace = storedWorkspace();
        FormAssignment a = stored(workspace);

        Concurrently.Outcomes<FormAssignment> outcomes = Concurrently.run(i ->
                update(a.submitted(a.draft(), data.userId(), data.instant(), requestData.requestId())));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertConflict(STALE_VERSION, failure));
        assertThat(assignments().find(workspace.tenantId(), workspace.id(), a.id())).contains(outcomes.successes().get(0));
    }

    @Test
    void anAssignmentIsInvisibleFromAnotherWorkspaceOrTenant() {
        Workspace workspace = storedWorkspace();
        Workspace foreign = storedWorkspace();
        FormAssignment a = stored(workspace);

        assertThat(assignments().find(workspace.tenantId(), foreign.id(), a.id())).isEmpty();
        assertThat(assignments().find(foreign.tenantId(), workspace.id(), a.id())).isEmpty();
        assertThat(assignments().list(foreign.tenantId(), workspace.id(), Optional.empty(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void listIsNewestFirstKeysetPagedAndFiltersByStatus() {
        Workspace workspace = storedWorkspace();
        FormAssignment a = stored(workspace);
        FormAssignment b = stored(workspace);
        FormAssignment c = stored(workspace);
        FormAssignment cancelled = update(b.cancelled());

        List<FormAssignment> first = assignments().list(workspace.tenantId(), workspace.id(), Optional.empty(),
                Optional.empty(), 2);
        List<FormAssignment> rest = assignments().list(workspace.tenantId(), workspace.id(), Optional.empty(),
                Optional.of(first.get(1).id()), 2);

        assertThat(first).containsExactly(c, cancelled);
        assertThat(rest).containsExactly(a);
        assertThat(assignments().list(workspace.tenantId(), workspace.id(), Optional.of(AssignmentStatus.OPEN),
                Optional.empty(), 10)).containsExactly(c, a);
    }
}
