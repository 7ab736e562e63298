package io.clientworkspace.request;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.support.Fixture;
import io.clientworkspace.workspace.NewWorkspace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.clientworkspace.request.AnswerValue.text;
import static io.clientworkspace.request.Forms.shortText;
import static org.assertj.core.api.Assertions.assertThat;

class RequestServiceTest {

    private final Fixture f = Fixture.create();
    private final RequestService requests = f.kit.requests();
    private final FormService forms = f.kit.forms();
    private final WorkspaceId acme = f.acme.id();

    private ClientRequest submitted() {
        return requests.submit(f.carol, acme, NewRequest.of("New logo", "Something bolder"));
    }

    private FormDefinition libraryForm() {
        return forms.define(f.alice, Optional.empty(), new NewForm("brief", "Brief",
                List.of(shortText("company", true), Forms.single("size", "S", "M"))));
    }

    @Test
    void aClientSubmitsAFreeFormRequest() {
        ClientRequest r = submitted();

        assertThat(r.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(r.submittedBy()).isEqualTo(f.carol.userId());
        assertThat(r.version()).isZero();
        assertThat(requests.get(f.dave, acme, r.id())).isEqualTo(r);
        assertThat(f.head(acme).action()).isEqualTo("request.submitted");
    }

    @Test
    void aViewerMayNotSubmit() {
        f.rejects(AccessDeniedException.class, () -> requests.submit(f.dave, acme, NewRequest.of("Hi", "")));
    }

    @Test
    void aBlankTitleAndAHugeDescriptionAreBothReported() {
        ValidationException e = f.rejects(ValidationException.class,
                () -> requests.submit(f.carol, acme, NewRequest.of(" ", "x".repeat(10_001))));

        assertThat(Fixture.fieldsOf(e)).containsExactly("description", "title");
    }

    @Test
    void aRequestThroughAFormKeepsItsAnswersBoundToTheVersion() {
        FormDefinition form = libraryForm();
        FormAnswers answers = FormAnswers.empty().with("company", text("Acme")).with("size", AnswerValue.choices("M"));

        ClientRequest r = requests.submit(f.carol, acme, NewRequest.through("Brief", form.ref(), answers));

        assertThat(r.form()).contains(new FormRef(form.id(), 1));
        assertThat(r.answers()).isEqualTo(answers);
    }

    @Test
    void forgedFieldsAndAChoiceOutsideTheOptionsAreAllReported() {
        FormDefinition form = libraryForm();
        FormAnswers answers = FormAnswers.empty().with("salary", text("1")).with("size", AnswerValue.choices("XL"));

        ValidationException e = f.rejects(ValidationException.class,
                () -> requests.submit(f.carol, acme, NewRequest.through("Brief", form.ref(), answers)));

        assertThat(e.fieldErrors()).containsExactly(FieldError.of("answers.company", "is required"),
                FieldError.of("answers.salary", "no such field in version 1"),
                FieldError.of("answers.size", "must be one of the options"));
    }

    @Test
    void answersForAFieldOfAnotherVersionAreRefused() {
        FormDefinition v1 = libraryForm();
        FormDefinition v2 = forms.revise(f.alice, v1.id(), 1, "Brief", List.of(shortText("brand", true)));
        FormAnswers forVersion1 = FormAnswers.empty().with("company", text("Acme"));

        ValidationException e = f.rejects(ValidationException.class,
                () -> requests.submit(f.carol, acme, NewRequest.through("Brief", v2.ref(), forVersion1)));

        assertThat(e.fieldErrors()).contains(FieldError.of("answers.company", "no such field in version 2"));
    }

    @Test
    void aFormOfAnotherWorkspaceIsRefusedLikeAMissingOne() {
        WorkspaceId globex = f.kit.workspaces().create(f.bob, NewWorkspace.of("Globex", "globex")).id();
        FormDefinition globexForm = forms.define(f.bob, Optional.of(globex),
                new NewForm("own", "Own", List.of(shortText("x", false))));

        ValidationException e = f.rejects(ValidationException.class,
                () -> requests.submit(f.carol, acme, NewRequest.through("x", globexForm.ref(), FormAnswers.empty())));

        assertThat(e.fieldErrors()).containsExactly(FieldError.of("form", "no such form version in this workspace"));
    }

    @Test
    void aRetiredFormTakesNoNewRequests() {
        FormDefinition form = libraryForm();
        forms.retire(f.alice, form.id(), 1);
        FormAnswers answers = FormAnswers.empty().with("company", text("Acme"));

        ConflictException e = f.rejects(ConflictException.class,
                () -> requests.submit(f.carol, acme, NewRequest.through("Brief", form.ref(), answers)));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
    }

    @Test
    void anUnknownAttachmentIsRefusedByIndex() {
        NewRequest r = NewRequest.of("Logo", "").withAttachments(List.of(FileId.of("nope")));

        ValidationException e = f.rejects(ValidationException.class, () -> requests.submit(f.carol, acme, r));

        assertThat(e.fieldErrors()).containsExactly(FieldError.of("attachments[0]", "no such file in this workspace"));
    }

    @Test
    void moreThanTwentyAttachmentsAreRefused() {
        NewRequest r = NewRequest.of("Logo", "").withAttachments(Collections.nCopies(21, FileId.of("f")));

        ValidationException e = f.rejects(ValidationException.class, () -> requests.submit(f.carol, acme, r));

        assertThat(Fixture.fieldsOf(e)).containsExactly("attachments");
    }

    @Test
    void theTeamMovesARequestAlongAndTheFirstResponseIsRecorded() {
        ClientRequest r = submitted();
        f.clock.advance(Duration.ofMinutes(30));

        ClientRequest working = requests.changeStatus(f.bob, acme, r.id(), RequestStatus.IN_PROGRESS, Optional.empty(), 0);
        f.clock.advance(Duration.ofHours(2));
        ClientRequest done = requests.changeStatus(f.bob, acme, r.id(), RequestStatus.DONE, Optional.empty(), 1);

        assertThat(working.firstResponseAt()).contains(r.submittedAt().plus(Duration.ofMinutes(30)));
        assertThat(done.firstResponseAt()).isEqualTo(working.firstResponseAt());
        assertThat(done.resolvedAt()).contains(r.submittedAt().plus(Duration.ofMinutes(150)));
        assertThat(f.head(acme).action()).isEqualTo("request.status-changed");
    }

    @Test
    void decliningNeedsAReason() {
        ClientRequest r = submitted();

        ValidationException e = f.rejects(ValidationException.class,
                () -> requests.changeStatus(f.bob, acme, r.id(), RequestStatus.DECLINED, Optional.empty(), 0));

        assertThat(Fixture.fieldsOf(e)).containsExactly("reason");
    }

    @Test
    void aDeclinedRequestKeepsItsReason() {
        ClientRequest r = submitted();

        ClientRequest declined = requests.changeStatus(f.bob, acme, r.id(), RequestStatus.DECLINED,
                Optional.of("Out of scope"), 0);

        assertThat(declined.declineReason()).contains("Out of scope");
    }

    @Test
    void aStaleVersionIsAConflict() {
        ClientRequest r = submitted();
        requests.changeStatus(f.bob, acme, r.id(), RequestStatus.IN_PROGRESS, Optional.empty(), 0);

        ConflictException e = f.rejects(ConflictException.class,
                () -> requests.changeStatus(f.tom, acme, r.id(), RequestStatus.DONE, Optional.empty(), 0));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
    }

    @Test
    void aClientMayNotMarkARequestDone() {
        ClientRequest r = submitted();

        f.rejects(AccessDeniedException.class,
                () -> requests.changeStatus(f.carol, acme, r.id(), RequestStatus.DONE, Optional.empty(), 0));
    }

    @Test
    void aClientAnswersARequestWaitingOnIt() {
        ClientRequest r = submitted();
        requests.changeStatus(f.bob, acme, r.id(), RequestStatus.WAITING_ON_CLIENT, Optional.empty(), 0);

        ClientRequest back = requests.changeStatus(f.erin, acme, r.id(), RequestStatus.IN_PROGRESS, Optional.empty(), 1);

        assertThat(back.status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void aClientCannotMoveARequestThatIsNotWaitingOnIt() {
        ClientRequest r = submitted();

        ConflictException e = f.rejects(ConflictException.class,
                () -> requests.changeStatus(f.carol, acme, r.id(), RequestStatus.IN_PROGRESS, Optional.empty(), 0));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
    }

    @Test
    void aResolvedRequestCannotBeMovedWithoutReopening() {
        ClientRequest r = submitted();
        requests.changeStatus(f.bob, acme, r.id(), RequestStatus.DONE, Optional.empty(), 0);

        ConflictException e = f.rejects(ConflictException.class,
                () -> requests.changeStatus(f.bob, acme, r.id(), RequestStatus.IN_PROGRESS, Optional.empty(), 1));

        assertThat(e.getMessage()).contains("reopen it first");
    }

    @Test
    void aClientReopensWithinTheWindowAndTheResolutionIsCleared() {
        ClientRequest r = submitted();
        requests.changeStatus(f.bob, acme, r.id(), RequestStatus.DECLINED, Optional.of("No"), 0);
        f.clock.advance(Duration.ofDays(14));

        ClientRequest reopened = requests.reopen(f.carol, acme, r.id(), 1);

        assertThat(reopened.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(reopened.resolvedAt()).isEmpty();
        assertThat(reopened.declineReason()).isEmpty();
        assertThat(f.head(acme).action()).isEqualTo("request.reopened");
    }

    @Test
    void reopeningAfterTheWindowIsAConflict() {
        ClientRequest r = submitted();
        requests.changeStatus(f.bob, acme, r.id(), RequestStatus.DONE, Optional.empty(), 0);
        f.clock.advance(Duration.ofDays(14).plusSeconds(1));

        ConflictException e = f.rejects(ConflictException.class, () -> requests.reopen(f.carol, acme, r.id(), 1));

        assertThat(e.reason()).isEqualTo(ConflictException.Reason.INVALID_STATE);
    }

    @Test
    void aViewerMayNotReopen() {
        ClientRequest r = submitted();
        requests.changeStatus(f.bob, acme, r.id(), RequestStatus.DONE, Optional.empty(), 0);

        f.rejects(AccessDeniedException.class, () -> requests.reopen(f.dave, acme, r.id(), 1));
    }

    @Test
    void aRequestIsAssignedToATeamMemberOfTheWorkspace() {
        ClientRequest r = submitted();

        ClientRequest assigned = requests.assign(f.bob, acme, r.id(), Optional.of(f.tom.userId()), 0);

        assertThat(assigned.assignee()).contains(f.tom.userId());
        assertThat(f.head(acme).action()).isEqualTo("request.assigned");
    }

    @Test
    void aClientCannotBeTheAssignee() {
        ClientRequest r = submitted();

        ValidationException e = f.rejects(ValidationException.class,
                () -> requests.assign(f.bob, acme, r.id(), Optional.of(f.carol.userId()), 0));

        assertThat(Fixture.fieldsOf(e)).containsExactly("assignee");
    }

    @Test
    void aClientMayNotAssign() {
        ClientRequest r = submitted();

        f.rejects(AccessDeniedException.class, () -> requests.assign(f.carol, acme, r.id(), Optional.of(f.bob.userId()), 0));
    }

    @Test
    void theTeamSetsADueDate() {
        ClientRequest r = submitted();

        assertThat(requests.setDue(f.bob, acme, r.id(), Optional.of(LocalDate.of(2025, 4, 1)), 0).due())
                .contains(LocalDate.of(2025, 4, 1));
    }

    @Test
    void aRequestOfAnotherTenantIsNotFound() {
        ClientRequest r = submitted();
        Fixture.OtherTenant other = f.otherTenant();

        assertThat(requests.find(other.admin(), acme, r.id())).isEmpty();
        f.rejects(NotFoundException.class,
                () -> requests.changeStatus(other.admin(), acme, r.id(), RequestStatus.DONE, Optional.empty(), 0));
    }

    @Test
    void anArchivedWorkspaceTakesNoRequests() {
        f.kit.workspaces().archive(f.bob, acme, f.acme().version());

        f.rejects(ArchivedException.class, () -> requests.submit(f.carol, acme, NewRequest.of("Hi", "")));
    }

    @Test
    void theListIsNewestFirstAndFiltersByStatus() {
        ClientRequest first = submitted();
        f.clock.advance(Duration.ofMillis(1)); // ids are time-ordered by the millisecond
        ClientRequest second = requests.submit(f.erin, acme, NewRequest.of("Second", ""));
        requests.changeStatus(f.bob, acme, first.id(), RequestStatus.DONE, Optional.empty(), 0);

        assertThat(requests.list(f.dave, acme, Set.of(), PageRequest.first()).items()).extracting(ClientRequest::id)
                .containsExactly(second.id(), first.id());
        assertThat(requests.list(f.dave, acme, Set.of(RequestStatus.DONE), PageRequest.first()).items())
                .extracting(ClientRequest::id).containsExactly(first.id());
    }

    @Test
    void theInboxSpansTheWorkspacesTheActorServesAndFilters() {
        WorkspaceId globex = f.kit.workspaces().create(f.bob, NewWorkspace.of("Globex", "globex")).id();
        f.kit.members().add(f.bob, globex, f.carol.userId(), io.clientworkspace.member.WorkspaceRole.CLIENT_ADMIN);
        ClientRequest inAcme = submitted();
        f.clock.advance(Duration.ofMillis(1)); // ids are time-ordered by the millisecond
        ClientRequest inGlobex = requests.submit(f.carol, globex, NewRequest.of("Globex work", ""));
        requests.assign(f.bob, acme, inAcme.id(), Optional.of(f.tom.userId()), 0);

        assertThat(requests.inbox(f.bob, InboxFilter.open(), PageRequest.first()).items()).extracting(ClientRequest::id)
                .containsExactly(inGlobex.id(), inAcme.id());
        assertThat(requests.inbox(f.tom, InboxFilter.open(), PageRequest.first()).items()).extracting(ClientRequest::id)
                .containsExactly(inAcme.id());
        assertThat(requests.inbox(f.bob, InboxFilter.open().assignedTo(UserId.of("tom")), PageRequest.first()).items())
                .extracting(ClientRequest::id).containsExactly(inAcme.id());
        assertThat(requests.inbox(f.carol, InboxFilter.open(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void theInboxIsKeysetPaged() {
        for (int i = 0; i < 5; i++) {
            requests.submit(f.carol, acme, NewRequest.of("R" + i, ""));
        }

        var first = requests.inbox(f.bob, InboxFilter.open(), PageRequest.first(3));
        var second = requests.inbox(f.bob, InboxFilter.open(), PageRequest.after(first.nextCursor().orElseThrow(), 3));

        assertThat(first.items()).hasSize(3);
        assertThat(second.items()).hasSize(2).doesNotContainAnyElementsOf(first.items());
    }
}
