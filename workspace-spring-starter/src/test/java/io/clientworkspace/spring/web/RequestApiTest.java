package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.clientworkspace.tck.SampleFiles.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Requests through the REST API: submit free-form or through a form, typed answers, workflow, inbox, who sees what. */
class RequestApiTest extends RequestApiTestSupport {

    private List<ClientRequest> requestsOf(Workspace ws) {
        return kit.requests().list(admin, ws.id(), Set.of(), PageRequest.first(100)).items();
    }

    private String throughForm(FormDefinition form, int version, String answers) {
        return """
                {"title": "Brand intake", "formId": "%s", "formVersion": %d, "answers": %s}"""
                .formatted(form.id().value(), version, answers);
    }

    private ClientRequest freeForm(Actor by, Workspace ws, String title) {
        return kit.requests().submit(by, ws.id(), NewRequest.of(title, "Please"));
    }

    @Test
    void aClientSubmitsAFreeFormRequestWithAnAttachment() throws Exception {
        FileAsset brief = file(admin, workspace, "brief.pdf", pdf("brief"));

        String json = mvc.perform(postJson(requests(), carol, """
                        {"title": "New landing page", "description": "For the spring launch", "priority": "HIGH",
                         "attachments": ["%s"]}""".formatted(brief.id().value())))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.priority").value("HIGH"))
                .andExpect(jsonPath("$.form").doesNotExist())
                .andExpect(jsonPath("$.attachments", contains(brief.id().value())))
                .andExpect(jsonPath("$.submittedBy").value(carol.userId().value()))
                .andReturn().getResponse().getContentAsString();

        String id = read(json, "$.id");
        assertThat(requestsOf(workspace)).extracting(r -> r.id().value()).containsExactly(id);
    }

    @Test
    void aClientReadsItsRequestWithoutTheTeamOnlyFields() throws Exception {
        ClientRequest request = freeForm(carol, workspace, "Logo");
        kit.requests().changeStatus(bob, workspace.id(), request.id(), RequestStatus.IN_PROGRESS, Optional.empty(), 0);
        String uri = requests() + "/" + request.id().value();

        String asClient = body(get(uri).with(as(carol)));
        String asTeam = body(get(uri).with(as(bob)));

        assertThat(fieldsOf(asClient, "$")).doesNotContain("firstResponseAt").contains("status", "assignee");
        assertThat(fieldsOf(asTeam, "$")).contains("firstResponseAt");
        assertThat((String) read(asClient, "$.status")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void submittingThroughAFormBindsTypedAnswersToItsVersion() throws Exception {
        FormDefinition form = intakeForm();

        mvc.perform(postJson(requests(), carol, throughForm(form, 1, validAnswers())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.form.id").value(form.id().value()))
                .andExpect(jsonPath("$.form.version").value(1))
                .andExpect(jsonPath("$.answers.company").value("Acme"))
                .andExpect(jsonPath("$.answers.budget").value("1500.5"))
                .andExpect(jsonPath("$.answers.launch").value("2026-06-01"))
                .andExpect(jsonPath("$.answers.tone", contains("serious")))
                .andExpect(jsonPath("$.answers.channels", contains("web", "tv")))
                .andExpect(jsonPath("$.answers.consent").value(true));
    }

    @Test
    void aNumberMayBeSentAsADecimalStringAndComesBackExactly() throws Exception {
        FormDefinition form = intakeForm();

        mvc.perform(postJson(requests(), carol, throughForm(form, 1, """
                        {"company": "Acme", "tone": "serious", "consent": true, "budget": "99999.99"}""")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.answers.budget").value("99999.99"));
    }

    @Test
    void everyInvalidAnswerIsReportedAtOnceByFieldAndNothingIsSubmitted() throws Exception {
        FormDefinition form = intakeForm();

        mvc.perform(postJson(requests(), carol, throughForm(form, 1, """
                        {"company": 5, "code": "abc", "budget": "lots", "launch": "2020-01-01", "tone": "loud",
                         "channels": ["web", "print", "tv"], "contact": "not-an-address", "site": "ftp://x",
                         "consent": "yes"}""")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("answers.budget", "answers.channels", "answers.code",
                        "answers.company", "answers.consent", "answers.contact", "answers.launch", "answers.site",
                        "answers.tone")));

        assertThat(requestsOf(workspace)).isEmpty();
    }

    @Test
    void aForgedFieldIdIsRefusedWithoutBeingEchoed() throws Exception {
        FormDefinition form = intakeForm();

        String problem = body(postJson(requests(), carol, throughForm(form, 1, """
                {"company": "Acme", "tone": "serious", "consent": true, "../../etc/passwd": "x", "nosuch": "y"}""")));

        assertThat(problem).doesNotContain("etc/passwd");
        assertThat(strings(problem, "$.errors[*].field")).containsExactly("answers", "answers.nosuch");
        assertThat(requestsOf(workspace)).isEmpty();
    }

    @Test
    void anAnswerForAFieldOfAnotherVersionIsRefused() throws Exception {
        FormDefinition form = intakeForm();
        List<FormField> next = new java.util.ArrayList<>(form.fields());
        next.add(new FormField.ShortText("extra", "Extra", "", false, 100, Optional.empty()));
        kit.forms().revise(admin, form.id(), 1, form.name(), next);

        mvc.perform(postJson(requests(), carol, throughForm(form, 1, """
                        {"company": "Acme", "tone": "serious", "consent": true, "extra": "only in version 2"}""")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("answers.extra"))
                .andExpect(jsonPath("$.errors[0].message").value("no such field in version 1"));
    }

    @Test
    void aFileAnswerOfAnotherWorkspaceOrAnInternalFileGetsTheErrorOfAMissingFile() throws Exception {
        FormDefinition form = intakeForm();
        Workspace other = workspace(admin);
        FileAsset elsewhere = file(admin, other, "elsewhere.pdf", pdf("elsewhere"));
        FileAsset internal = internalFile(admin, workspace, "internal.pdf", pdf("internal"));

        List<String> answers = List.of(elsewhere.id().value(), internal.id().value(), "0193a0f0-no-such-file", "../x");
        List<String> problems = new java.util.ArrayList<>();
        for (String fileId : answers) {
            problems.add(body(postJson(requests(), carol, throughForm(form, 1, """
                    {"company": "Acme", "tone": "serious", "consent": true, "logo": "%s"}""".formatted(fileId)))));
        }

        assertThat(problems).allSatisfy(p -> {
            assertThat((String) read(p, "$.errors[0].field")).isEqualTo("answers.logo");
            assertThat((String) read(p, "$.errors[0].message")).isEqualTo("no such file in this workspace");
        });
        assertThat(requestsOf(workspace)).isEmpty();
    }

    @Test
    void anInternalAttachmentIsRefusedLikeAMissingFile() throws Exception {
        FileAsset internal = internalFile(admin, workspace, "internal.pdf", pdf("internal"));

        mvc.perform(postJson(requests(), carol, """
                        {"title": "Look", "attachments": ["%s"]}""".formatted(internal.id().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].message").value("no such file in this workspace"));
    }

    @Test
    void aViewerSubmittingIs403EvenWithABadBody() throws Exception {
        mvc.perform(postJson(requests(), dave, """
                        {"priority": "NOW", "formId": "x", "formVersion": 0}"""))
                .andExpect(problem(403, "access-denied"));

        assertThat(requestsOf(workspace)).isEmpty();
    }

    @Test
    void aClientOfAnotherWorkspaceGets404ForARequest() throws Exception {
        ClientRequest request = freeForm(carol, workspace, "Logo");
        Workspace other = workspace(admin);
        Actor erin = clientMember(other, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(get(requests() + "/" + request.id().value()).with(as(erin))).andExpect(problem(404, "not-found"));
        mvc.perform(get(base(other) + "/requests/" + request.id().value()).with(as(erin)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(postJson(requests() + "/" + request.id().value() + "/status", erin, """
                        {"status": "DONE", "expectedVersion": 0}"""))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void theTeamMovesARequestAlongTheWorkflowAndDecliningNeedsAReason() throws Exception {
        ClientRequest request = freeForm(carol, workspace, "Logo");
        String uri = requests() + "/" + request.id().value();

        mvc.perform(postJson(uri + "/status", bob, "{\"status\": \"IN_PROGRESS\", \"expectedVersion\": 0}"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        mvc.perform(postJson(uri + "/status", bob, "{\"status\": \"DECLINED\", \"expectedVersion\": 1}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(postJson(uri + "/status", bob, """
                        {"status": "DECLINED", "reason": "Out of scope", "expectedVersion": 1}"""))
                .andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.declineReason").value("Out of scope"));
        mvc.perform(postJson(uri + "/reopen", carol, "{\"expectedVersion\": 2}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
    }

    @Test
    void aStatusChangeOnAStaleVersionIs409AndChangesNothing() throws Exception {
        ClientRequest request = freeForm(carol, workspace, "Logo");
        kit.requests().assign(admin, workspace.id(), request.id(), Optional.of(bob.userId()), 0);

        mvc.perform(postJson(requests() + "/" + request.id().value() + "/status", bob, """
                        {"status": "DONE", "expectedVersion": 0}"""))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("STALE_VERSION"));

        assertThat(kit.requests().get(admin, workspace.id(), request.id()).status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void aChangeWithoutAnyExpectedVersionIs400NamingIt() throws Exception {
        ClientRequest request = freeForm(carol, workspace, "Logo");

        mvc.perform(postJson(requests() + "/" + request.id().value() + "/status", bob, "{\"status\": \"DONE\"}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("expectedVersion"));
    }

    @Test
    void theExpectedVersionMayComeAsIfMatch() throws Exception {
        ClientRequest request = freeForm(carol, workspace, "Logo");

        mvc.perform(postJson(requests() + "/" + request.id().value() + "/status", bob, "{\"status\": \"DONE\"}")
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"));
    }

    @Test
    void aClientMayNotCloseARequest() throws Exception {
        ClientRequest request = freeForm(carol, workspace, "Logo");

        mvc.perform(postJson(requests() + "/" + request.id().value() + "/status", carol, """
                        {"status": "DONE", "expectedVersion": 0}"""))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void theTeamAssignsATeamMemberAndSetsADueDate() throws Exception {
        ClientRequest request = freeForm(carol, workspace, "Logo");
        String uri = requests() + "/" + request.id().value();

        mvc.perform(postJson(uri + "/assignee", bob, "{\"assignee\": \"%s\", \"expectedVersion\": 0}"
                        .formatted(bob.userId().value())))
                .andExpect(jsonPath("$.assignee").value(bob.userId().value()));
        mvc.perform(putJson(uri + "/due", bob, "{\"due\": \"2026-12-31\", \"expectedVersion\": 1}"))
                .andExpect(jsonPath("$.due").value("2026-12-31"));
        mvc.perform(postJson(uri + "/assignee", bob, "{\"assignee\": \"%s\", \"expectedVersion\": 2}"
                        .formatted(carol.userId().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        mvc.perform(putJson(uri + "/due", bob, "{\"due\": \"31/12/2026\", \"expectedVersion\": 2}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("due"));
    }

    @Test
    void aWorkspacesRequestsAreListedNewestFirstInKeysetPagesAndByStatus() throws Exception {
        ClientRequest first = freeForm(carol, workspace, "First");
        ClientRequest second = freeForm(carol, workspace, "Second");
        kit.requests().changeStatus(bob, workspace.id(), first.id(), RequestStatus.DONE, Optional.empty(), 0);
        List<String> newestFirst = requestsOf(workspace).stream().map(r -> r.id().value()).toList();
        assertThat(newestFirst).containsExactlyInAnyOrder(first.id().value(), second.id().value());

        String page = body(get(requests()).param("limit", "1").with(as(carol)));
        assertThat(strings(page, "$.items[*].id")).containsExactly(newestFirst.get(0));
        mvc.perform(get(requests()).param("limit", "1").param("cursor", (String) read(page, "$.nextCursor"))
                        .with(as(carol)))
                .andExpect(jsonPath("$.items[*].id", contains(newestFirst.get(1))))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(get(requests()).param("status", "DONE").with(as(dave)))
                .andExpect(jsonPath("$.items[*].id", contains(first.id().value())));
    }

    @Test
    void theInboxListsOpenRequestsAcrossWorkspacesFilteredByAssigneeAndStatus() throws Exception {
        Workspace other = workspace(admin);
        Actor erin = clientMember(other, admin, WorkspaceRole.CLIENT_ADMIN);
        ClientRequest mine = freeForm(carol, workspace, "Mine");
        ClientRequest unassigned = freeForm(erin, other, "Unassigned");
        ClientRequest done = freeForm(carol, workspace, "Done");
        kit.requests().assign(admin, workspace.id(), mine.id(), Optional.of(bob.userId()), 0);
        kit.requests().changeStatus(admin, workspace.id(), done.id(), RequestStatus.DONE, Optional.empty(), 0);

        mvc.perform(get("/api/requests/inbox").with(as(admin)))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(mine.id().value(), unassigned.id().value())));
        mvc.perform(get("/api/requests/inbox").param("assignee", bob.userId().value()).with(as(admin)))
                .andExpect(jsonPath("$.items[*].id", contains(mine.id().value())));
        mvc.perform(get("/api/requests/inbox").param("assignee", "none").with(as(admin)))
                .andExpect(jsonPath("$.items[*].id", contains(unassigned.id().value())));
        mvc.perform(get("/api/requests/inbox").param("status", "DONE,DECLINED").with(as(admin)))
                .andExpect(jsonPath("$.items[*].id", contains(done.id().value())));
        mvc.perform(get("/api/requests/inbox").param("olderThan", "2000-01-01T00:00:00Z").with(as(admin)))
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/requests/inbox").with(as(bob)))
                .andExpect(jsonPath("$.items[*].id", contains(mine.id().value())));
    }

    @Test
    void theInboxPagesWithAKeysetCursor() throws Exception {
        freeForm(carol, workspace, "Older");
        freeForm(carol, workspace, "Newer");
        List<String> newestFirst = requestsOf(workspace).stream().map(r -> r.id().value()).toList();

        String page = body(get("/api/requests/inbox").param("limit", "1").with(as(bob)));

        assertThat(strings(page, "$.items[*].id")).containsExactly(newestFirst.get(0));
        mvc.perform(get("/api/requests/inbox").param("limit", "1").param("cursor", (String) read(page, "$.nextCursor"))
                        .with(as(bob)))
                .andExpect(jsonPath("$.items[*].id", contains(newestFirst.get(1))))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void aClientsInboxIsEmptyAndABadFilterIs400() throws Exception {
        freeForm(carol, workspace, "Logo");

        mvc.perform(get("/api/requests/inbox").with(as(carol))).andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/requests/inbox").param("olderThan", "yesterday").with(as(bob)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("olderThan"));
        mvc.perform(get("/api/requests/inbox").param("status", "OPEN").with(as(bob)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void tooManyAnswersGiveOneBoundedError() throws Exception {
        FormDefinition form = intakeForm();
        StringBuilder answers = new StringBuilder("{");
        for (int i = 0; i < 5000; i++) {
            answers.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": ").append(i);
        }
        answers.append('}');

        String problem = body(postJson(requests(), carol, throughForm(form, 1, answers.toString())));

        assertThat(strings(problem, "$.errors[*].field")).containsExactly("answers");
        assertThat(problem.length()).isLessThan(2_000);
    }

    @Test
    void everyWrongAnswerOfAFullFormStaysABoundedProblem() throws Exception {
        List<FormField> fields = new java.util.ArrayList<>();
        StringBuilder answers = new StringBuilder("{");
        for (int i = 0; i < 100; i++) {
            fields.add(new FormField.NumberField("n" + i, "N" + i, "", true, Optional.empty(), Optional.empty(), 0));
            answers.append(i == 0 ? "" : ",").append("\"n").append(i).append("\": \"").append("x".repeat(1000))
                    .append('"');
        }
        answers.append('}');
        FormDefinition form = kit.forms().define(admin, Optional.empty(),
                new io.clientworkspace.request.NewForm(unique("wide"), "Wide", fields));

        String problem = body(postJson(requests(), carol, throughForm(form, 1, answers.toString())));

        assertThat(strings(problem, "$.errors[*].field")).hasSize(100);
        assertThat(problem).doesNotContain("xxxxxxxx");
        assertThat(problem.length()).isLessThan(40_000);
    }

    @Test
    void aBodyOverTheJsonLimitIs413AndSubmitsNothing() throws Exception {
        String description = "x".repeat(1_100_000);

        mvc.perform(postJson(requests(), carol, "{\"title\": \"Huge\", \"description\": \"" + description + "\"}"))
                .andExpect(problem(413, "payload-too-large"));

        assertThat(requestsOf(workspace)).isEmpty();
    }
}
