package io.clientworkspace.tck;

import io.clientworkspace.AssignmentId;
import io.clientworkspace.FileId;
import io.clientworkspace.FormId;
import io.clientworkspace.RequestId;
import io.clientworkspace.TenantId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.request.AnswerValue;
import io.clientworkspace.request.AssignmentStatus;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.FormRef;
import io.clientworkspace.request.FormStatus;
import io.clientworkspace.request.Priority;
import io.clientworkspace.request.RequestStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Test data for the requests feature's store contracts: form definitions holding every field type, requests
 * holding every kind of answer, form assignments; ids, users and instants come from a {@link TestData}.
 */
public final class RequestTestData {

    private final TestData data;

    public RequestTestData(TestData data) {
        this.data = requireNonNull(data, "data must not be null");
    }

    /** A new form id. */
    public FormId formId() {
        return FormId.of(data.unique("fm"));
    }

    /** A new request id (ids made later sort later). */
    public RequestId requestId() {
        return RequestId.of(data.unique("rq"));
    }

    /** A new assignment id (ids made later sort later). */
    public AssignmentId assignmentId() {
        return AssignmentId.of(data.unique("as"));
    }

    /** One field of every type, optional parts present on some and absent on others. */
    public static List<FormField> everyFieldType() {
        return List.of(
                new FormField.SectionHeading("about", "About you", ""),
                new FormField.HelpText("intro", "Before you start", "Zwei Zeilen\nmit Umlauten: äöü"),
                new FormField.ShortText("name", "Name", "Your full name", true, 200, Optional.empty()),
                new FormField.ShortText("code", "Code", "", false, 20, Optional.of("[A-Z]{3}-[0-9]{4}")),
                new FormField.LongText("story", "Story", "", false, 20_000),
                new FormField.NumberField("budget", "Budget", "", false, Optional.of(new BigDecimal("0.00")),
                        Optional.of(new BigDecimal("1000000.50")), 2),
                new FormField.NumberField("count", "Count", "", false, Optional.empty(), Optional.empty(), 0),
                new FormField.DateField("start", "Start", "", false, Optional.of(LocalDate.of(2030, 1, 1)),
                        Optional.of(LocalDate.of(2030, 12, 31))),
                new FormField.DateField("end", "End", "", false, Optional.empty(), Optional.empty()),
                new FormField.SingleChoice("size", "Size", "", true, List.of("S", "M", "L")),
                new FormField.MultipleChoice("channels", "Channels", "", false, List.of("web", "print", "tv"), 1, 2),
                new FormField.EmailField("email", "E-mail", "", true),
                new FormField.UrlField("site", "Web site", "", false),
                new FormField.PhoneField("phone", "Phone", "", false),
                new FormField.CheckboxField("consent", "I agree", "", true),
                new FormField.FileField("logo", "Logo", "", false));
    }

    /** Answers of every kind, valid for {@link #everyFieldType()}. */
    public static FormAnswers everyAnswerKind(FileId file) {
        return FormAnswers.empty()
                .with("name", new AnswerValue.Text("Zoë O’Brien"))
                .with("story", new AnswerValue.Text("Line one\nline two"))
                .with("budget", new AnswerValue.Number(new BigDecimal("1234.50")))
                .with("start", new AnswerValue.Date(LocalDate.of(2030, 3, 1)))
                .with("size", new AnswerValue.Choices(List.of("M")))
                .with("channels", new AnswerValue.Choices(List.of("tv", "web")))
                .with("email", new AnswerValue.Text("zoe@example.com"))
                .with("consent", new AnswerValue.Bool(true))
                .with("logo", new AnswerValue.File(file));
    }

    /** Version 1 of a library form ({@code workspace} empty) or a workspace's own, with every field type. */
    public FormDefinition form(TenantId tenantId, Optional<WorkspaceId> workspace) {
        return new FormDefinition(formId(), tenantId, workspace, data.unique("key").toLowerCase(java.util.Locale.ROOT),
                "Intake „Marke“", 1, everyFieldType(), FormStatus.ACTIVE, data.userId(), data.instant());
    }

    /** The next version of {@code form}, with other fields. */
    public FormDefinition nextVersion(FormDefinition form) {
        return new FormDefinition(form.id(), form.tenantId(), form.workspaceId(), form.key(), form.name() + " v"
                + (form.version() + 1), form.version() + 1,
                List.of(new FormField.ShortText("brand", "Brand", "", true, 100, Optional.empty())), form.status(),
                data.userId(), data.instant());
    }

    /** A new free-form request in the workspace, SUBMITTED, at version 0. */
    public ClientRequest request(TenantId tenantId, WorkspaceId workspaceId) {
        return new ClientRequest(requestId(), tenantId, workspaceId, "New logo", "", Priority.NORMAL,
                RequestStatus.SUBMITTED, Optional.empty(), Optional.empty(), Optional.empty(), FormAnswers.empty(),
                List.of(), data.userId(), data.instant(), Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /** A request through {@code form} with every kind of answer, every optional part present. */
    public ClientRequest fullRequest(TenantId tenantId, WorkspaceId workspaceId, FormRef form) {
        FileId file = data.fileId();
        return new ClientRequest(requestId(), tenantId, workspaceId, "Brand „Relaunch“ – Q3",
                "Bitte bis Freitag.\nDanke!", Priority.URGENT, RequestStatus.DECLINED, Optional.of(data.userId()),
                Optional.of(LocalDate.of(2030, 6, 30)), Optional.of(form), everyAnswerKind(file),
                List.of(file, data.fileId()), data.userId(), data.instant(), Optional.of(data.instant()),
                Optional.of(data.instant()), Optional.of("Out of scope"), 0);
    }

    /** A new OPEN assignment of {@code form} in the workspace, at version 0. */
    public FormAssignment assignment(TenantId tenantId, WorkspaceId workspaceId, FormRef form) {
        return new FormAssignment(assignmentId(), tenantId, workspaceId, form, "Brand questionnaire",
                Optional.of(LocalDate.of(2030, 2, 1)), AssignmentStatus.OPEN, FormAnswers.empty(), data.userId(),
                data.instant(), Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }
}
