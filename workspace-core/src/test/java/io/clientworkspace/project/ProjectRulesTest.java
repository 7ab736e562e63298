package io.clientworkspace.project;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ProjectId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.Visibility;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectRulesTest {

    private final ProjectWorld w = ProjectWorld.create();

    private NewStatusUpdate status(ProjectHealth health, Visibility visibility) {
        return new NewStatusUpdate(health, "Week 12", "Logo drafts", "Review", "", visibility);
    }

    @Test
    void aNewProjectIsOnTrackAndOwnedByATeamMember() {
        assertThat(w.brand.health()).isEqualTo(ProjectHealth.ON_TRACK);
        assertThat(w.brand.owner()).isEqualTo(w.f.bob.userId());
        assertThat(w.brand.version()).isZero();
    }

    @Test
    void everyInvalidProjectFieldIsReportedAtOnceAndNothingIsCreated() {
        NewProject bad = new NewProject("", "x".repeat(10_001), Visibility.CLIENT, Optional.of(LocalDate.of(2025, 5, 1)),
                Optional.of(LocalDate.of(2025, 4, 30)), w.f.carol.userId());

        assertThatThrownBy(() -> w.projects.create(w.f.bob, w.acme, bad)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldErrors()).extracting(FieldError::field)
                        .containsExactly("description", "name", "owner", "targetDate"));
        assertThat(w.projects.count(w.f.bob, w.acme)).isEqualTo(1);
    }

    @Test
    void clientsMayNotCreateProjects() {
        assertThatThrownBy(() -> w.projects.create(w.f.carol, w.acme, w.project("Mine", Visibility.CLIENT)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anInternalProjectAnswersClientsLikeAnUnknownId() {
        Project secret = w.projects.create(w.f.bob, w.acme, w.project("Pitch", Visibility.TEAM));

        assertThatThrownBy(() -> w.projects.get(w.f.carol, w.acme, secret.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("project '" + secret.id() + "' not found");
        assertThatThrownBy(() -> w.projects.get(w.f.carol, w.acme, ProjectId.of("nope")))
                .isInstanceOf(NotFoundException.class).hasMessage("project 'nope' not found");
        assertThat(w.projects.list(w.f.carol, w.acme, PageRequest.first()).items()).containsExactly(w.brand);
        assertThat(w.projects.count(w.f.carol, w.acme)).isEqualTo(1);
        assertThat(w.projects.count(w.f.bob, w.acme)).isEqualTo(2);
    }

    @Test
    void anInternalStatusUpdateLeavesTheProjectAsClientsSeeIt() {
        w.projects.postStatus(w.f.bob, w.acme, w.brand.id(), status(ProjectHealth.OFF_TRACK, Visibility.TEAM));

        assertThat(w.projects.get(w.f.carol, w.acme, w.brand.id())).isEqualTo(w.brand);
        assertThat(w.projects.statusUpdates(w.f.carol, w.acme, w.brand.id(), PageRequest.first()).items()).isEmpty();
        assertThat(w.f.events.ofType(ProjectEvent.ProjectHealthChanged.class)).isEmpty();
    }

    @Test
    void aClientVisibleStatusUpdateSetsTheProjectsHealth() {
        StatusUpdate update = w.projects.postStatus(w.f.bob, w.acme, w.brand.id(),
                status(ProjectHealth.AT_RISK, Visibility.CLIENT));

        Project after = w.projects.get(w.f.carol, w.acme, w.brand.id());
        assertThat(after.health()).isEqualTo(ProjectHealth.AT_RISK);
        assertThat(after.version()).isEqualTo(1);
        assertThat(w.f.events.ofType(ProjectEvent.ProjectHealthChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.statusUpdate()).contains(update.id()));
    }

    @Test
    void theTeamSetsHealthExplicitly() {
        Project held = w.projects.setHealth(w.f.bob, w.acme, w.brand.id(), ProjectHealth.ON_HOLD, 0);

        assertThat(held.health()).isEqualTo(ProjectHealth.ON_HOLD);
        assertThatThrownBy(() -> w.projects.setHealth(w.f.bob, w.acme, w.brand.id(), ProjectHealth.AT_RISK, 0))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void childChangesNeverTouchTheProjectsVersion() {
        Milestone m = w.projects.addMilestone(w.f.bob, w.acme, w.brand.id(),
                new NewMilestone("Logo", Optional.of(LocalDate.of(2025, 4, 1)), false));
        w.projects.deliver(w.f.bob, w.acme, m.id(), m.version());
        w.add(w.design, ProjectWorld.clientTask("Upload", Optional.empty()));
        w.projects.postStatus(w.f.bob, w.acme, w.brand.id(), status(ProjectHealth.ON_TRACK, Visibility.CLIENT));

        assertThat(w.projects.get(w.f.bob, w.acme, w.brand.id())).isEqualTo(w.brand);
    }

    @Test
    void updatingAProjectReportsTheChangedFieldsAndBumpsItsVersion() {
        NewProject details = new NewProject("Brand refresh 2026", "", Visibility.CLIENT, w.brand.startDate(),
                Optional.of(LocalDate.of(2025, 7, 31)), w.f.tom.userId());

        Project updated = w.projects.update(w.f.bob, w.acme, w.brand.id(), details, 0);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(w.f.events.ofType(ProjectEvent.ProjectUpdated.class)).singleElement()
                .satisfies(e -> assertThat(e.changed()).containsExactlyInAnyOrder("name", "targetDate", "owner"));
    }

    @Test
    void theOwnerMustBeATeamMemberOfTheWorkspace() {
        NewProject details = new NewProject("Brand", "", Visibility.CLIENT, Optional.empty(), Optional.empty(),
                UserId.of("tina"));

        assertThatThrownBy(() -> w.projects.update(w.f.bob, w.acme, w.brand.id(), details, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsExactly(FieldError.of("owner", "is not a team member of this workspace")));
    }

    @Test
    void acknowledgingIsIdempotentAndKeepsTheFirstTime() {
        StatusUpdate update = w.projects.postStatus(w.f.bob, w.acme, w.brand.id(),
                status(ProjectHealth.AT_RISK, Visibility.CLIENT));
        Acknowledgement first = w.projects.acknowledge(w.f.carol, w.acme, update.id());
        w.f.clock.advance(java.time.Duration.ofHours(1));

        Acknowledgement again = w.projects.acknowledge(w.f.carol, w.acme, update.id());

        assertThat(again).isEqualTo(first);
        assertThat(w.f.events.ofType(ProjectEvent.StatusUpdateAcknowledged.class)).hasSize(1);
        assertThat(w.projects.acknowledgements(w.f.dave, w.acme, update.id())).containsExactly(first);
    }

    @Test
    void aClientCannotAcknowledgeAnInternalStatusUpdate() {
        StatusUpdate update = w.projects.postStatus(w.f.bob, w.acme, w.brand.id(),
                status(ProjectHealth.AT_RISK, Visibility.TEAM));

        assertThatThrownBy(() -> w.projects.acknowledge(w.f.carol, w.acme, update.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("status update '" + update.id() + "' not found");
    }

    @Test
    void statusUpdatesAreListedNewestFirst() {
        StatusUpdate older = w.projects.postStatus(w.f.bob, w.acme, w.brand.id(),
                status(ProjectHealth.AT_RISK, Visibility.CLIENT));
        StatusUpdate newer = w.projects.postStatus(w.f.bob, w.acme, w.brand.id(),
                status(ProjectHealth.ON_TRACK, Visibility.CLIENT));

        assertThat(w.projects.statusUpdates(w.f.carol, w.acme, w.brand.id(), PageRequest.first(1)).items())
                .containsExactly(newer);
        assertThat(w.projects.statusUpdates(w.f.carol, w.acme, w.brand.id(), PageRequest.first()).items())
                .containsExactly(newer, older);
    }

    @Test
    void aStatusSummaryIsRequired() {
        assertThatThrownBy(() -> w.projects.postStatus(w.f.bob, w.acme, w.brand.id(),
                new NewStatusUpdate(ProjectHealth.AT_RISK, " \n", "", "", "", Visibility.CLIENT)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field).containsExactly("summary"));
    }
}
