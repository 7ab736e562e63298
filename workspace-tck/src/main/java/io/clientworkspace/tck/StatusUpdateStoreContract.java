package io.clientworkspace.tck;

import io.clientworkspace.ConflictException;
import io.clientworkspace.StatusUpdateId;
import io.clientworkspace.UserId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.project.Acknowledgement;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.spi.StatusUpdateStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link StatusUpdateStore}: every field round-trips, tenant and workspace scope, newest-first keyset
 * lists filtered by visibility, and acknowledgements that keep the first time per user (of concurrent first
 * acknowledgements by one user exactly one is stored). Extend it and implement {@link #createStores()}.
 */
public abstract class StatusUpdateStoreContract extends ProjectStoreContractSupport {

    private StatusUpdate posted(Project project, Visibility visibility) {
        return store(projectData.statusUpdate(project, visibility, ProjectHealth.AT_RISK));
    }

    private boolean acknowledge(StatusUpdate update, Acknowledgement ack) {
        return inUnitOfWork(() -> statusUpdates().acknowledge(update.tenantId(), update.workspaceId(), ack));
    }

    private List<Acknowledgement> acks(StatusUpdate update) {
        return statusUpdates().acknowledgements(update.tenantId(), update.workspaceId(), update.id(), 100);
    }

    @Test
    void aStatusUpdateRoundTripsAtVersionZero() {
        Project project = storedProject(storedWorkspace(), Visibility.CLIENT);
        StatusUpdate update = projectData.statusUpdate(project, Visibility.TEAM, ProjectHealth.OFF_TRACK).withVersion(2);

        assertThat(store(update)).isEqualTo(update.withVersion(0));

        assertThat(statusUpdates().find(update.tenantId(), update.workspaceId(), update.id()))
                .contains(update.withVersion(0));
    }

    @Test
    void aTakenIdIsAlreadyExists() {
        StatusUpdate first = posted(storedProject(storedWorkspace(), Visibility.CLIENT), Visibility.CLIENT);

        assertConflict(ALREADY_EXISTS, () -> store(first.withVersion(1)));

        assertThat(statusUpdates().find(first.tenantId(), first.workspaceId(), first.id())).contains(first);
    }

    @Test
    void updatesAndAcknowledgementsAreInvisibleFromAnotherWorkspaceOrTenant() {
        Workspace workspace = storedWorkspace();
        Workspace sibling = storedWorkspace(tenantOf(workspace));
        Workspace foreign = storedWorkspace();
        Project project = storedProject(workspace, Visibility.CLIENT);
        StatusUpdate update = posted(project, Visibility.CLIENT);
        UserId carol = data.userId();
        acknowledge(update, projectData.acknowledgement(update, carol));

        assertThat(statusUpdates().find(workspace.tenantId(), sibling.id(), update.id())).isEmpty();
        assertThat(statusUpdates().find(foreign.tenantId(), workspace.id(), update.id())).isEmpty();
        assertThat(statusUpdates().list(foreign.tenantId(), workspace.id(), project.id(), true, Optional.empty(), 10))
                .isEmpty();
        assertThat(statusUpdates().list(workspace.tenantId(), sibling.id(), project.id(), true, Optional.empty(), 10))
                .isEmpty();
        assertThat(statusUpdates().acknowledgements(foreign.tenantId(), workspace.id(), update.id(), 10)).isEmpty();
        assertThat(statusUpdates().acknowledgements(workspace.tenantId(), sibling.id(), update.id(), 10)).isEmpty();
        assertThat(statusUpdates().findAcknowledgement(foreign.tenantId(), workspace.id(), update.id(), carol)).isEmpty();
    }

    @Test
    void theListIsNewestFirstKeysetPagedAndHidesInternalUpdatesUnlessAsked() {
        Workspace workspace = storedWorkspace();
        Project project = storedProject(workspace, Visibility.CLIENT);
        List<StatusUpdateId> all = new ArrayList<>();
        List<StatusUpdateId> visible = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Visibility v = i % 3 == 2 ? Visibility.TEAM : Visibility.CLIENT;
            StatusUpdate u = posted(project, v);
            all.add(0, u.id());
            if (v == Visibility.CLIENT) {
                visible.add(0, u.id());
            }
        }
        posted(storedProject(workspace, Visibility.CLIENT), Visibility.CLIENT);

        assertThat(walk(project, true, 4)).containsExactlyElementsOf(all);
        assertThat(walk(project, false, 2)).containsExactlyElementsOf(visible);
    }

    private List<StatusUpdateId> walk(Project project, boolean includeInternal, int limit) {
        List<StatusUpdateId> seen = new ArrayList<>();
        Optional<StatusUpdateId> before = Optional.empty();
        while (true) {
            List<StatusUpdate> page = statusUpdates().list(project.tenantId(), project.workspaceId(), project.id(),
                    includeInternal, before, limit);
            page.forEach(u -> seen.add(u.id()));
            if (page.size() < limit) {
                return seen;
            }
            before = Optional.of(page.get(page.size() - 1).id());
        }
    }

    @Test
    void theFirstAcknowledgementOfAUserIsKept() {
        StatusUpdate update = posted(storedProject(storedWorkspace(), Visibility.CLIENT), Visibility.CLIENT);
        UserId carol = data.userId();
        Acknowledgement first = projectData.acknowledgement(update, carol);

        assertThat(acknowledge(update, first)).isTrue();
        assertThat(acknowledge(update, projectData.acknowledgement(update, carol))).isFalse();

        assertThat(statusUpdates().findAcknowledgement(update.tenantId(), update.workspaceId(), update.id(), carol))
                .contains(first);
        assertThat(acks(update)).containsExactly(first);
    }

    @Test
    void acknowledgementsComeOldestFirstThenByUserAndPerUpdate() {
        Project project = storedProject(storedWorkspace(), Visibility.CLIENT);
        StatusUpdate update = posted(project, Visibility.CLIENT);
        StatusUpdate other = posted(project, Visibility.CLIENT);
        Acknowledgement first = projectData.acknowledgement(update, UserId.of("zoe"));
        Acknowledgement same = new Acknowledgement(update.id(), UserId.of("bob"), first.at().plusSeconds(60));
        Acknowledgement sameToo = new Acknowledgement(update.id(), UserId.of("amy"), first.at().plusSeconds(60));
        acknowledge(update, same);
        acknowledge(update, first);
        acknowledge(update, sameToo);
        acknowledge(other, projectData.acknowledgement(other, UserId.of("carl")));

        assertThat(acks(update)).containsExactly(first, sameToo, same);
        assertThat(statusUpdates().acknowledgements(update.tenantId(), update.workspaceId(), update.id(), 2))
                .containsExactly(first, sameToo);
        assertThat(statusUpdates().findAcknowledgement(update.tenantId(), update.workspaceId(), update.id(),
                UserId.of("carl"))).isEmpty();
    }

    @Test
    void ofConcurrentFirstAcknowledgementsByOneUserExactlyOneIsStored() {
        StatusUpdate update = posted(storedProject(storedWorkspace(), Visibility.CLIENT), Visibility.CLIENT);
        UserId carol = data.userId();

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i ->
                acknowledge(update, projectData.acknowledgement(update, carol)));

        assertThat(outcomes.failures()).allSatisfy(failure ->
                assertConflict(ConflictException.Reason.ALREADY_EXISTS, failure));
        assertThat(outcomes.successes().stream().filter(added -> added).count()).isEqualTo(1);
        assertThat(acks(update)).hasSize(1);
    }
}
