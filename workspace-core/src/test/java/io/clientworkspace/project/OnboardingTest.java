package io.clientworkspace.project;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.activity.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.clientworkspace.project.ProjectWorld.clientTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnboardingTest {

    private final ProjectWorld w = ProjectWorld.create();

    @Test
    void theChecklistIsCreatedOnFirstUseAndThenTheSameList() {
        TaskList first = w.tasks.onboardingChecklist(w.f.bob, w.acme);

        assertThat(first.kind()).isEqualTo(TaskListKind.ONBOARDING);
        assertThat(first.visibility()).isEqualTo(Visibility.CLIENT);
        assertThat(first.projectId()).isEmpty();
        assertThat(w.tasks.onboardingChecklist(w.f.bob, w.acme)).isEqualTo(first);
        assertThat(w.tasks.findOnboardingChecklist(w.f.carol, w.acme)).contains(first);
        assertThat(w.f.events.ofType(TaskEvent.TaskListCreated.class)).singleElement()
                .satisfies(e -> assertThat(e.actor().userId()).isEqualTo(ProjectService.SYSTEM_USER));
    }

    @Test
    void aViewersReadOfTheChecklistWritesNothing() {
        assertThat(w.tasks.findOnboardingChecklist(w.f.dave, w.acme)).isEmpty();
        assertThat(w.tasks.checklistProgress(w.f.dave, w.acme)).isEqualTo(new ChecklistProgress(0, 0));
        assertThatThrownBy(() -> w.tasks.onboardingChecklist(w.f.dave, w.acme))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(w.f.events.ofType(TaskEvent.TaskListCreated.class)).isEmpty();
        assertThat(w.tasks.findOnboardingChecklist(w.f.bob, w.acme)).isEmpty();
    }

    @Test
    void concurrentFirstUsesGetOneChecklist() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<TaskList> get = () -> w.tasks.onboardingChecklist(w.f.bob, w.acme);
            List<Future<TaskList>> results = pool.invokeAll(List.of(get, get, get, get));

            assertThat(results.stream().map(r -> {
                try {
                    return r.get().id();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(w.f.events.ofType(TaskEvent.TaskListCreated.class)).hasSize(1);
    }

    @Test
    void progressCountsTheChecklistsTasks() {
        TaskList checklist = w.tasks.onboardingChecklist(w.f.bob, w.acme);
        Task logo = w.add(checklist, clientTask("Upload your logo", Optional.empty()));
        w.add(checklist, clientTask("Sign the contract", Optional.empty()));
        w.add(checklist, clientTask("Invite your team", Optional.empty()));
        w.tasks.complete(w.f.carol, w.acme, logo.id(), logo.version());

        ChecklistProgress progress = w.tasks.checklistProgress(w.f.dave, w.acme);

        assertThat(progress).isEqualTo(new ChecklistProgress(1, 3));
        assertThat(progress.percent()).isEqualTo(33);
    }

    @Test
    void progressOfAListCountsOnlyWhatTheReaderSees() {
        w.add(w.design, clientTask("Upload your logo", Optional.empty()));
        w.add(w.design, ProjectWorld.teamTask("Margins", Visibility.TEAM));

        assertThat(w.tasks.progress(w.f.carol, w.acme, w.design.id())).isEqualTo(new ChecklistProgress(0, 1));
        assertThat(w.tasks.progress(w.f.bob, w.acme, w.design.id())).isEqualTo(new ChecklistProgress(0, 2));
    }

    @Test
    void theChecklistCompletesTheFirstTimeEveryTaskIsDoneAndNeverAgain() {
        TaskList checklist = w.tasks.onboardingChecklist(w.f.bob, w.acme);
        Task logo = w.add(checklist, clientTask("Upload your logo", Optional.empty()));
        Task sign = w.add(checklist, clientTask("Sign the contract", Optional.empty()));
        w.tasks.complete(w.f.carol, w.acme, logo.id(), logo.version());
        assertThat(w.projects.onboarding(w.f.bob, w.acme).checklistCompletedAt()).isEmpty();
        Instant completedAt = w.f.clock.instant();

        Task signed = w.tasks.complete(w.f.carol, w.acme, sign.id(), sign.version());
        w.f.clock.advance(Duration.ofDays(1));
        Task reopened = w.tasks.uncomplete(w.f.carol, w.acme, sign.id(), signed.version());
        w.tasks.complete(w.f.carol, w.acme, sign.id(), reopened.version());

        assertThat(w.projects.onboarding(w.f.bob, w.acme).checklistCompletedAt()).contains(completedAt);
        assertThat(w.f.events.ofType(ProjectEvent.OnboardingChecklistCompleted.class)).singleElement()
                .satisfies(e -> assertThat(e.visibility()).isEqualTo(Visibility.CLIENT));
    }

    @Test
    void theFirstDeliveredMilestoneIsRecordedOnceAndGivesTheTimeToOnboard() {
        Instant signed = w.f.clock.instant().minus(Duration.ofDays(10));
        w.projects.recordContractSigned(w.f.bob, w.acme, signed);
        Milestone logo = w.projects.addMilestone(w.f.bob, w.acme, w.brand.id(),
                new NewMilestone("Logo", Optional.of(LocalDate.of(2025, 4, 1)), false));
        Milestone site = w.projects.addMilestone(w.f.bob, w.acme, w.brand.id(),
                new NewMilestone("Site", Optional.empty(), false));

        w.projects.deliver(w.f.bob, w.acme, logo.id(), logo.version());
        w.f.clock.advance(Duration.ofDays(2));
        w.projects.deliver(w.f.bob, w.acme, site.id(), site.version());

        OnboardingFacts facts = w.projects.onboarding(w.f.alice, w.acme);
        assertThat(facts.timeToFirstDelivery()).contains(Duration.ofDays(10));
        assertThat(w.f.events.ofType(ProjectEvent.FirstMilestoneDelivered.class)).singleElement()
                .satisfies(e -> assertThat(e.visibility()).isEqualTo(Visibility.TEAM));
    }

    @Test
    void onlyTheLeadOrATenantAdminRecordsTheContract() {
        Instant signed = Instant.parse("2025-02-01T10:00:00Z");

        assertThatThrownBy(() -> w.projects.recordContractSigned(w.f.tom, w.acme, signed))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> w.projects.recordContractSigned(w.f.carol, w.acme, signed))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(w.projects.recordContractSigned(w.f.alice, w.acme, signed).contractSignedAt()).contains(signed);
    }

    @Test
    void clientsNeverSeeTheOnboardingFacts() {
        assertThatThrownBy(() -> w.projects.onboarding(w.f.carol, w.acme)).isInstanceOf(AccessDeniedException.class);
    }
}
