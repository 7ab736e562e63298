package io.clientworkspace.project;

import io.clientworkspace.FieldError;
import io.clientworkspace.ValidationException;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.internal.DateBounds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared date rule ({@link DateBounds}) on every date of projects, milestones, tasks and onboarding. */
class DateBoundsTest {

    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);
    private static final String MESSAGE = "must be between 1900-01-01 and 9999-12-31";

    private final ProjectWorld w = ProjectWorld.create();

    private NewProject project(Optional<LocalDate> start, Optional<LocalDate> target) {
        return new NewProject("Website", "", Visibility.CLIENT, start, target, w.f.bob.userId());
    }

    private static NewTask due(Optional<LocalDate> date) {
        return new NewTask("Send the logo", "", TaskSide.TEAM, Optional.empty(), date, Visibility.CLIENT);
    }

    private static ValidationException refused(Runnable call) {
        return catchThrowableOfType(ValidationException.class, call::run);
    }

    @Test
    void projectDatesAtTheBoundsAreAccepted() {
        Project p = w.projects.create(w.f.bob, w.acme, project(Optional.of(FIRST), Optional.of(LAST)));

        assertThat(p.startDate()).contains(FIRST);
        assertThat(p.targetDate()).contains(LAST);
    }

    @Test
    void projectDatesJustOutsideTheBoundsAreRefusedTogether() {
        ValidationException e = refused(() -> w.projects.create(w.f.bob, w.acme,
                project(Optional.of(FIRST.minusDays(1)), Optional.of(LAST.plusDays(1)))));

        assertThat(e.fieldErrors()).containsExactly(FieldError.of("startDate", MESSAGE),
                FieldError.of("targetDate", MESSAGE));
    }

    @Test
    void projectDatesAtTheEndsOfTimeAreRefusedOnUpdate() {
        ValidationException e = refused(() -> w.projects.update(w.f.bob, w.acme, w.brand.id(),
                project(Optional.of(LocalDate.MIN), Optional.of(LocalDate.MAX)), w.brand.version()));

        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("startDate", "targetDate");
    }

    @Test
    void milestoneDueDatesAreBoundedOnAddAndUpdate() {
        Milestone first = w.projects.addMilestone(w.f.bob, w.acme, w.brand.id(),
                new NewMilestone("Kick-off", Optional.of(FIRST), false));
        Milestone last = w.projects.addMilestone(w.f.bob, w.acme, w.brand.id(),
                new NewMilestone("Launch", Optional.of(LAST), false));

        assertThat(first.dueDate()).contains(FIRST);
        assertThat(last.dueDate()).contains(LAST);
        assertThat(refused(() -> w.projects.addMilestone(w.f.bob, w.acme, w.brand.id(),
                new NewMilestone("", Optional.of(LocalDate.MAX), false))).fieldErrors())
                .extracting(FieldError::field).containsExactly("dueDate", "title");
        assertThat(refused(() -> w.projects.updateMilestone(w.f.bob, w.acme, last.id(),
                new NewMilestone("Launch", Optional.of(LAST.plusDays(1)), false), last.version())).fieldErrors())
                .containsExactly(FieldError.of("dueDate", MESSAGE));
    }

    @Test
    void taskDueDatesAreBoundedOnAddAndUpdate() {
        Task first = w.add(w.design, due(Optional.of(FIRST)));
        Task last = w.add(w.design, due(Optional.of(LAST)));

        assertThat(first.dueDate()).contains(FIRST);
        assertThat(last.dueDate()).contains(LAST);
        assertThat(refused(() -> w.add(w.design, due(Optional.of(LocalDate.of(999_999, 1, 1))))).fieldErrors())
                .containsExactly(FieldError.of("dueDate", MESSAGE));
        assertThat(refused(() -> w.add(w.design, due(Optional.of(LocalDate.of(-999_999, 1, 1))))).fieldErrors())
                .containsExactly(FieldError.of("dueDate", MESSAGE));
        assertThat(refused(() -> w.tasks.update(w.f.bob, w.acme, last.id(), due(Optional.of(FIRST.minusDays(1))),
                last.version())).fieldErrors()).containsExactly(FieldError.of("dueDate", MESSAGE));
    }

    @Test
    void dueDateRangesAreBounded() {
        assertThat(refused(() -> w.tasks.dueBetween(w.f.bob, w.acme, LocalDate.MIN, LocalDate.MAX, 10))
                .fieldErrors()).extracting(FieldError::field).containsExactly("from", "to");
        assertThat(w.projects.milestonesDueBetween(w.f.bob, w.acme, FIRST, LAST, 10)).isEmpty();
    }

    @Test
    void aContractDateOutsideTheBoundsIsRefused() {
        assertThat(refused(() -> w.projects.recordContractSigned(w.f.alice, w.acme,
                Instant.parse("+999999-01-01T00:00:00Z"))).fieldErrors())
                .containsExactly(FieldError.of("signedAt", MESSAGE));
        assertThat(refused(() -> w.projects.recordContractSigned(w.f.alice, w.acme,
                Instant.parse("1899-12-31T23:59:59Z"))).fieldErrors())
                .containsExactly(FieldError.of("signedAt", MESSAGE));
        assertThat(w.projects.onboarding(w.f.bob, w.acme).contractSignedAt()).isEmpty();
    }

    @Test
    void aContractDateAtTheBoundsIsAcceptedEvenInTheFuture() {
        Instant first = Instant.parse("1900-01-01T00:00:00Z");
        Instant last = Instant.parse("9999-12-31T23:59:59Z");

        assertThat(w.projects.recordContractSigned(w.f.alice, w.acme, first).contractSignedAt()).contains(first);
        assertThat(w.projects.recordContractSigned(w.f.alice, w.acme, last).contractSignedAt()).contains(last);
    }
}
