package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ConflictException;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.request.AnswerValue;
import io.clientworkspace.request.AssignmentStatus;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.FormRef;
import io.clientworkspace.request.NewForm;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.workspace.NewWorkspace;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The requests feature through its services on a store set: the hostile cases (forged field ids, answers
 * for another version's field, a choice outside the options, a backtracking pattern, file answers pointing at
 * another workspace's or an internal file, a viewer submitting, two submissions of one assignment) are refused
 * with the documented errors and store nothing. Extend it and implement {@link #createStores()}.
 */
public abstract class RequestsContract {

    private WorkspaceKit kit;
    private Actor alice;
    private Actor bob;
    private Actor carol;
    private Actor erin;
    private Actor dave;
    private WorkspaceId acme;
    private WorkspaceId globex;
    private FormDefinition form;

    /** A new, empty store set providing the requests feature's stores (and the files'). */
    protected abstract Stores createStores();

    @BeforeEach
    void buildTheWorld() {
        kit = WorkspaceKit.builder().stores(createStores()).userDirectory((t, u) -> true).build();
        Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
        alice = Actor.team(tenant.id(), "alice");
        bob = Actor.team(tenant.id(), "bob");
        carol = Actor.client(tenant.id(), "carol");
        erin = Actor.client(tenant.id(), "erin");
        dave = Actor.client(tenant.id(), "dave");
        kit.tenants().addTeamMember(alice, bob.userId(), io.clientworkspace.tenant.TenantRole.ACCOUNT_MANAGER);
        acme = kit.workspaces().create(bob, NewWorkspace.of("Acme", "acme")).id();
        globex = kit.workspaces().create(bob, NewWorkspace.of("Globex", "globex")).id();
        kit.members().add(bob, acme, carol.userId(), WorkspaceRole.CLIENT_ADMIN);
        kit.members().add(bob, acme, erin.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        kit.members().add(bob, acme, dave.userId(), WorkspaceRole.CLIENT_VIEWER);
        kit.members().add(bob, globex, carol.userId(), WorkspaceRole.CLIENT_ADMIN);
        form = kit.forms().define(alice, Optional.empty(), new NewForm("intake", "Intake", List.of(
                new FormField.ShortText("company", "Company", "", true, 100, Optional.empty()),
                new FormField.SingleChoice("size", "Size", "", false, List.of("S", "M", "L")),
                new FormField.FileField("logo", "Logo", "", false))));
    }

    private List<ClientRequest> requestsOf(WorkspaceId ws) {
        return kit.requests().list(bob, ws, Set.of(), PageRequest.first()).items();
    }

    private FileId upload(Actor actor, WorkspaceId ws, NewUpload upload) {
        return kit.files().upload(actor, ws, upload,
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8))).id();
    }

    private static FormAnswers answers() {
        return FormAnswers.empty().with("company", new AnswerValue.Text("Acme"));
    }

    /** The call fails with a validation error; the errors are returned; no request was stored. */
    private List<FieldError> refused(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ValidationException.class);
        assertThat(requestsOf(acme)).isEmpty();
        return ((ValidationException) thrown).fieldErrors();
    }

    @Test
    void forgedFieldIdsAreRefusedAndStoreNothing() {
        FormAnswers forged = answers().with("salary", new AnswerValue.Text("1"))
                .with("../../etc", new AnswerValue.Text("x"));

        assertThat(refused(() -> kit.requests().submit(carol, acme, NewRequest.through("Intake", form.ref(), forged))))
                .containsExactly(FieldError.of("answers", "holds a key that is not a field id of version 1"),
                        FieldError.of("answers.salary", "no such field in version 1"));
    }

    @Test
    void answersForAFieldOfAnotherVersionAreRefused() {
        FormDefinition v2 = kit.forms().revise(alice, form.id(), 1, "Intake", List.of(
                new FormField.ShortText("brand", "Brand", "", false, 100, Optional.empty())));

        assertThat(refused(() -> kit.requests().submit(carol, acme, NewRequest.through("Intake", v2.ref(), answers()))))
                .containsExactly(FieldError.of("answers.company", "no such field in version 2"));
    }

    @Test
    void aChoiceOutsideTheOptionsIsRefused() {
        FormAnswers outside = answers().with("size", new AnswerValue.Choices(List.of("XXL")));

        assertThat(refused(() -> kit.requests().submit(carol, acme, NewRequest.through("Intake", form.ref(), outside))))
                .containsExactly(FieldError.of("answers.size", "must be one of the options"));
    }

    @Test
    void aBacktrackingPatternIsRefusedWhenTheFormIsDefined() {
        NewForm bad = new NewForm("bad", "Bad", List.of(
                new FormField.ShortText("code", "Code", "", false, 100, Optional.of("(a|aa)+$"))));

        Throwable thrown = catchThrowable(() -> kit.forms().define(alice, Optional.empty(), bad));

        assertThat(thrown).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) thrown).fieldErrors()).extracting(FieldError::field)
                .containsExactly("fields[0].pattern");
        assertThat(kit.forms().list(alice, Optional.empty(), PageRequest.first()).items()).containsExactly(form);
    }

    @Test
    void aFileAnswerPointingAtAnotherWorkspacesFileIsRefused() {
        FileId elsewhere = upload(carol, globex, NewUpload.of("logo.txt", "text/plain"));
        FormAnswers withFile = answers().with("logo", new AnswerValue.File(elsewhere));

        assertThat(refused(() -> kit.requests().submit(carol, acme, NewRequest.through("Intake", form.ref(), withFile))))
                .containsExactly(FieldError.of("answers.logo", "no such file in this workspace"));
    }

    @Test
    void aFileAnswerOrAttachmentPointingAtAnInternalFileIsRefusedLikeAMissingOne() {
        FileId internal = upload(bob, acme, NewUpload.of("notes.txt", "text/plain").internal());
        FormAnswers withFile = answers().with("logo", new AnswerValue.File(internal));

        assertThat(refused(() -> kit.requests().submit(bob, acme, NewRequest.through("Intake", form.ref(), withFile))))
                .containsExactly(FieldError.of("answers.logo", "no such file in this workspace"));
        assertThat(refused(() -> kit.requests().submit(carol, acme,
                NewRequest.of("Logo", "").withAttachments(List.of(internal)))))
                .containsExactly(FieldError.of("attachments[0]", "no such file in this workspace"));
    }

    @Test
    void aClientVisibleFileOfTheWorkspaceIsAccepted() {
        FileId logo = upload(carol, acme, NewUpload.of("logo.txt", "text/plain"));

        ClientRequest r = kit.requests().submit(carol, acme, NewRequest.through("Intake", form.ref(),
                answers().with("logo", new AnswerValue.File(logo))).withAttachments(List.of(logo)));

        assertThat(kit.requests().get(erin, acme, r.id()).attachments()).containsExactly(logo);
    }

    @Test
    void aViewerCannotSubmit() {
        Throwable thrown = catchThrowable(() -> kit.requests().submit(dave, acme, NewRequest.of("Hi", "")));

        assertThat(thrown).isInstanceOf(AccessDeniedException.class);
        assertThat(requestsOf(acme)).isEmpty();
    }

    @Test
    void twoSubmissionsOfOneAssignmentExactlyOneWins() {
        FormAssignment assigned = kit.forms().assign(bob, acme, form.id(), "Intake", Optional.empty());
        List<Actor> submitters = List.of(carol, erin);

        Concurrently.Outcomes<FormAssignment> outcomes = Concurrently.run(i -> kit.forms().submitAssignment(
                submitters.get(i % 2), acme, assigned.id(), answers(), assigned.version()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(f -> assertThat(f).isInstanceOf(ConflictException.class));
        assertThat(requestsOf(acme)).hasSize(1);
        assertThat(kit.forms().getAssignment(bob, acme, assigned.id()).status()).isEqualTo(AssignmentStatus.SUBMITTED);
    }

    @Test
    void aRequestOfAnotherWorkspaceIsNotFound() {
        ClientRequest inGlobex = kit.requests().submit(carol, globex, NewRequest.of("Globex", ""));

        assertThat(catchThrowable(() -> kit.requests().get(erin, globex, inGlobex.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(kit.requests().find(erin, acme, inGlobex.id())).isEmpty();
    }

    @Test
    void aFormOfAnotherWorkspaceCannotBeAnswered() {
        FormDefinition own = kit.forms().define(bob, Optional.of(globex), new NewForm("own", "Own", List.of(
                new FormField.ShortText("x", "X", "", false, 10, Optional.empty()))));

        assertThat(refused(() -> kit.requests().submit(carol, acme,
                NewRequest.through("x", new FormRef(own.id(), 1), FormAnswers.empty()))))
                .containsExactly(FieldError.of("form", "no such form version in this workspace"));
    }
}
