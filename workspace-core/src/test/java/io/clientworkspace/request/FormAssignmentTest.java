package io.clientworkspace.request;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.support.Fixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.clientworkspace.request.AnswerValue.text;
import static io.clientworkspace.request.Forms.shortText;
import static org.assertj.core.api.Assertions.assertThat;

class FormAssignmentTest {

    private final Fixture f = Fixture.create();
    private final FormService forms = f.kit.forms();
    private final RequestService requests = f.kit.requests();
    private final WorkspaceId acme = f.acme.id();
    private final FormDefinition intake = forms.define(f.alice, Optional.empty(), new NewForm("intake", "Intake",
            List.of(shortText("company", true), shortText("audience", true), Forms.single("size", "S", "M"))));

    private FormAssignment assigned() {
        return forms.assign(f.bob, acme, intake.id(), "Brand questionnaire", Optional.of(LocalDate.of(2025, 4, 1)));
    }

    private static FormAnswers complete() {
        return FormAnswers.empty().with("company", text("Acme")).with("audience", text("Builders"));
    }

    @Test
    void theTeamAssignsTheLatestVersionWhichClientsSee() {
        FormDefinition v2 = forms.revise(f.alice, intake.id(), 1, "Intake", intake.fields());

        FormAssignment a = forms.assign(f.bob, acme, intake.id(), "Brand questionnaire", Optional.empty());

        assertThat(a.form()).isEqualTo(v2.ref());
        assertThat(a.status()).isEqualTo(AssignmentStatus.OPEN);
        assertThat(forms.assignments(f.carol, acme, Optional.of(AssignmentStatus.OPEN), PageRequest.first()).items())
                .containsExactly(a);
        assertThat(f.head(acme).action()).isEqualTo("form.assigned");
    }

    @Test
    void aRetiredFormCannotBeAssigned() {
        forms.retire(f.alice, intake.id(), 1);

        ConflictException e = f.rejects(ConflictException.class, () -> assigned());

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
    }

    @Test
    void aClientMayNotAssignForms() {
        f.rejects(AccessDeniedException.class, () -> forms.assign(f.carol, acme, intake.id(), "x", Optional.empty()));
    }

    @Test
    void draftsAreSavedInTwoSittingsAndResumed() {
        FormAssignment a = assigned();

        FormAssignment first = forms.saveDraft(f.erin, acme, a.id(), FormAnswers.empty().with("company", text("Ac")), 0);
        FormAssignment second = forms.saveDraft(f.erin, acme, a.id(), first.draft().with("company", text("Acme")), 1);

        assertThat(forms.getAssignment(f.erin, acme, a.id()).draft()).isEqualTo(second.draft());
        assertThat(second.version()).isEqualTo(2);
    }

    @Test
    void aDraftWithAForgedFieldIsRefusedAndChangesNothing() {
        FormAssignment a = assigned();

        ValidationException e = f.rejects(ValidationException.class,
                () -> forms.saveDraft(f.erin, acme, a.id(), FormAnswers.empty().with("salary", text("1")), 0));

        assertThat(e.fieldErrors()).containsExactly(FieldError.of("answers.salary", "no such field in version 1"));
        assertThat(forms.getAssignment(f.erin, acme, a.id()).version()).isZero();
    }

    @Test
    void aViewerMayNotFillTheForm() {
        FormAssignment a = assigned();

        f.rejects(AccessDeniedException.class, () -> forms.saveDraft(f.dave, acme, a.id(), FormAnswers.empty(), 0));
    }

    @Test
    void submittingChecksRequiredAnswersAndCreatesNothingWhenInvalid() {
        FormAssignment a = assigned();

        ValidationException e = f.rejects(ValidationException.class,
                () -> forms.submitAssignment(f.carol, acme, a.id(), FormAnswers.empty().with("company", text("Acme")), 0));

        assertThat(Fixture.fieldsOf(e)).containsExactly("answers.audience");
        assertThat(requests.list(f.bob, acme, Set.of(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void submittingCreatesTheRequestOnce() {
        FormAssignment a = assigned();

        FormAssignment done = forms.submitAssignment(f.carol, acme, a.id(), complete(), 0);

        assertThat(done.status()).isEqualTo(AssignmentStatus.SUBMITTED);
        assertThat(done.submittedBy()).contains(f.carol.userId());
        ClientRequest request = requests.get(f.bob, acme, done.request().orElseThrow());
        assertThat(request.form()).contains(intake.ref());
        assertThat(request.answers()).isEqualTo(complete());
        assertThat(request.title()).isEqualTo("Brand questionnaire");
    }

    @Test
    void aSecondSubmissionIsRefused() {
        FormAssignment a = assigned();
        FormAssignment done = forms.submitAssignment(f.carol, acme, a.id(), complete(), 0);

        ConflictException e = f.rejects(ConflictException.class,
                () -> forms.submitAssignment(f.erin, acme, a.id(), complete(), done.version()));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
    }

    @Test
    void twoConcurrentSubmissionsExactlyOneWins() throws Exception {
        FormAssignment a = assigned();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        try {
            for (var actor : List.of(f.carol, f.erin)) {
                Callable<Object> submit = () -> {
                    start.await();
                    try {
                        return forms.submitAssignment(actor, acme, a.id(), complete(), 0);
                    } catch (ConflictException e) {
                        return e;
                    }
                };
                results.add(pool.submit(submit));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> r : results) {
                outcomes.add(r.get());
            }

            assertThat(outcomes).filteredOn(o -> o instanceof FormAssignment).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).hasSize(1);
            assertThat(requests.list(f.bob, acme, Set.of(), PageRequest.first()).items()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAssignmentStaysBoundToItsVersionAfterARevision() {
        FormAssignment a = assigned();
        forms.revise(f.alice, intake.id(), 1, "Intake", List.of(shortText("brand", true)));

        FormAssignment done = forms.submitAssignment(f.carol, acme, a.id(), complete(), 0);

        assertThat(requests.get(f.bob, acme, done.request().orElseThrow()).form()).contains(new FormRef(intake.id(), 1));
    }

    @Test
    void anAssignmentMayStillBeSubmittedAfterItsFormWasRetired() {
        FormAssignment a = assigned();
        forms.retire(f.alice, intake.id(), 1);

        assertThat(forms.submitAssignment(f.carol, acme, a.id(), complete(), 0).status())
                .isEqualTo(AssignmentStatus.SUBMITTED);
    }

    @Test
    void aCancelledAssignmentTakesNoDraft() {
        FormAssignment a = assigned();
        forms.cancelAssignment(f.bob, acme, a.id(), 0);

        ConflictException e = f.rejects(ConflictException.class,
                () -> forms.saveDraft(f.erin, acme, a.id(), FormAnswers.empty(), 1));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
        assertThat(f.head(acme).action()).isEqualTo("form.assignment-cancelled");
    }

    @Test
    void anAssignmentOfAnotherTenantIsNotFound() {
        FormAssignment a = assigned();
        Fixture.OtherTenant other = f.otherTenant();

        assertThat(forms.findAssignment(other.admin(), acme, a.id())).isEmpty();
        f.rejects(NotFoundException.class, () -> forms.submitAssignment(other.client("mallory"), acme, a.id(), complete(), 0));
    }
}
