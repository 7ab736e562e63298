package io.clientworkspace.tck;

import io.clientworkspace.project.OnboardingFacts;
import io.clientworkspace.spi.OnboardingStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link OnboardingStore}: one row of facts per workspace, created on first write, scoped by tenant
 * and workspace; the contract date may be corrected, the "first time" facts are set once and never cleared (of
 * concurrent callers exactly one sets them). Extend it and implement {@link #createStores()}.
 */
public abstract class OnboardingStoreContract extends ProjectStoreContractSupport {

    private Optional<OnboardingFacts> facts(Workspace w) {
        return onboarding().find(w.tenantId(), w.id());
    }

    @Test
    void aWorkspaceWithoutFactsHasNone() {
        Workspace workspace = storedWorkspace();

        assertThat(facts(workspace)).isEmpty();
    }

    @Test
    void theContractDateIsRecordedAndMayBeCorrected() {
        Workspace workspace = storedWorkspace();
        Instant signed = data.instant();
        Instant corrected = data.instant();

        OnboardingFacts first = inUnitOfWork(() -> onboarding().recordContractSigned(workspace.tenantId(),
                workspace.id(), signed));
        OnboardingFacts second = inUnitOfWork(() -> onboarding().recordContractSigned(workspace.tenantId(),
                workspace.id(), corrected));

        assertThat(first).isEqualTo(new OnboardingFacts(workspace.tenantId(), workspace.id(), Optional.of(signed),
                Optional.empty(), Optional.empty()));
        assertThat(second.contractSignedAt()).contains(corrected);
        assertThat(facts(workspace)).contains(second);
    }

    @Test
    void theChecklistCompletionIsSetOnceAndKept() {
        Workspace workspace = storedWorkspace();
        Instant first = data.instant();

        assertThat(inUnitOfWork(() -> onboarding().markChecklistCompleted(workspace.tenantId(), workspace.id(), first)))
                .isTrue();
        assertThat(inUnitOfWork(() -> onboarding().markChecklistCompleted(workspace.tenantId(), workspace.id(),
                data.instant()))).isFalse();

        assertThat(facts(workspace)).contains(new OnboardingFacts(workspace.tenantId(), workspace.id(),
                Optional.empty(), Optional.of(first), Optional.empty()));
    }

    @Test
    void theFirstDeliveryIsSetOnceAndKeptWhateverIsRecordedLater() {
        Workspace workspace = storedWorkspace();
        Instant first = data.instant();
        Instant signed = data.instant();

        assertThat(inUnitOfWork(() -> onboarding().markFirstMilestoneDelivered(workspace.tenantId(), workspace.id(),
                first))).isTrue();
        assertThat(inUnitOfWork(() -> onboarding().markFirstMilestoneDelivered(workspace.tenantId(), workspace.id(),
                data.instant()))).isFalse();
        runInUnitOfWork(() -> onboarding().recordContractSigned(workspace.tenantId(), workspace.id(), signed));

        assertThat(facts(workspace)).contains(new OnboardingFacts(workspace.tenantId(), workspace.id(),
                Optional.of(signed), Optional.empty(), Optional.of(first)));
    }

    @Test
    void factsAreInvisibleFromAnotherWorkspaceOrTenant() {
        Workspace workspace = storedWorkspace();
        Workspace sibling = storedWorkspace(stores().tenants().find(workspace.tenantId()).orElseThrow());
        Workspace foreign = storedWorkspace();
        runInUnitOfWork(() -> onboarding().recordContractSigned(workspace.tenantId(), workspace.id(), data.instant()));
        runInUnitOfWork(() -> onboarding().markChecklistCompleted(workspace.tenantId(), workspace.id(), data.instant()));

        assertThat(onboarding().find(workspace.tenantId(), sibling.id())).isEmpty();
        assertThat(onboarding().find(foreign.tenantId(), workspace.id())).isEmpty();
        assertThat(inUnitOfWork(() -> onboarding().markChecklistCompleted(workspace.tenantId(), sibling.id(),
                data.instant()))).as("the sibling's own first completion").isTrue();
    }

    @Test
    void ofConcurrentFirstCompletionsExactlyOneSetsIt() {
        Workspace workspace = storedWorkspace();

        Concurrently.Outcomes<Boolean> outcomes = Concurrently.run(i -> inUnitOfWork(() ->
                onboarding().markChecklistCompleted(workspace.tenantId(), workspace.id(), data.instant())));

        assertThat(outcomes.successes().stream().filter(set -> set).count()).isEqualTo(1);
        assertThat(outcomes.failures()).allSatisfy(failure ->
                assertThat(failure).isInstanceOf(io.clientworkspace.ConflictException.class));
        assertThat(facts(workspace)).get().extracting(OnboardingFacts::checklistCompletedAt).isNotEqualTo(Optional.empty());
    }
}
