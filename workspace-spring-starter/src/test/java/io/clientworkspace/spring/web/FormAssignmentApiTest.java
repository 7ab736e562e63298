package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.request.AssignmentStatus;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Form assignments through the REST API: assign, drafts in sittings, exactly-once submission, cancel, who may. */
class FormAssignmentApiTest extends RequestApiTestSupport {

    private FormAssignment assigned(FormDefinition form) {
        return kit.forms().assign(bob, workspace.id(), form.id(), "Brand questionnaire", Optional.empty());
    }

    private String uri(FormAssignment assignment) {
        return assignments() + "/" + assignment.id().value();
    }

    private int requestCount() {
        return kit.requests().list(admin, workspace.id(), Set.of(), PageRequest.first(100)).items().size();
    }

    @Test
    void theTeamAssignsTheLatestVersionOfAFormAndTheClientSeesIt() throws Exception {
        FormDefinition form = intakeForm();

        String json = mvc.perform(postJson(assignments(), bob, """
                        {"formId": "%s", "title": "Brand questionnaire", "due": "2026-12-31"}"""
                        .formatted(form.id().value())))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.form.version").value(1))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.due").value("2026-12-31"))
                .andReturn().getResponse().getContentAsString();
        String id = read(json, "$.id");

        mvc.perform(get(assignments()).with(as(carol))).andExpect(jsonPath("$.items[*].id", contains(id)));
        mvc.perform(get(base(workspace) + "/forms/" + form.id().value()).param("version", "1").with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fields[1].kind").value("short-text"));
    }

    @Test
    void aClientMayNotAssignAForm() throws Exception {
        FormDefinition form = intakeForm();

        mvc.perform(postJson(assignments(), carol, """
                        {"formId": "%s", "title": "Mine"}""".formatted(form.id().value())))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void assigningAnUnknownFormIs400OnFormId() throws Exception {
        mvc.perform(postJson(assignments(), bob, """
                        {"formId": "no-such-form", "title": "Mine", "due": "soon"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("due")));
        mvc.perform(postJson(assignments(), bob, """
                        {"formId": "no-such-form", "title": "Mine"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("formId"));
    }

    @Test
    void aClientSavesDraftsInTwoSittingsAndSubmitsOnce() throws Exception {
        FormAssignment assignment = assigned(intakeForm());

        mvc.perform(putJson(uri(assignment) + "/draft", carol, """
                        {"answers": {"company": "Acme"}, "expectedVersion": 0}"""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.draft.company").value("Acme"));
        mvc.perform(get(uri(assignment)).with(as(carol)))
                .andExpect(jsonPath("$.draft.company").value("Acme"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(putJson(uri(assignment) + "/draft", carol, """
                        {"answers": {"company": "Acme", "tone": "serious", "budget": "12"}, "expectedVersion": 1}"""))
                .andExpect(jsonPath("$.draft.budget").value("12"));

        String json = mvc.perform(postJson(uri(assignment) + "/submit", carol, """
                        {"answers": {"company": "Acme", "tone": "serious", "consent": true}, "expectedVersion": 2}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getContentAsString();

        mvc.perform(get(requests() + "/" + read(json, "$.requestId")).with(as(carol)))
                .andExpect(jsonPath("$.answers.company").value("Acme"))
                .andExpect(jsonPath("$.form.version").value(1));
    }

    @Test
    void aDraftOnAStaleVersionIs409AndKeepsTheNewerDraft() throws Exception {
        FormAssignment assignment = assigned(intakeForm());
        mvc.perform(putJson(uri(assignment) + "/draft", carol, """
                {"answers": {"company": "Newer"}, "expectedVersion": 0}""")).andExpect(status().isOk());

        mvc.perform(putJson(uri(assignment) + "/draft", carol, """
                        {"answers": {"company": "Older"}, "expectedVersion": 0}"""))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("STALE_VERSION"));

        assertThat(kit.forms().getAssignment(admin, workspace.id(), assignment.id()).draft().get("company"))
                .hasValueSatisfying(v -> assertThat(v.toString()).contains("Newer"));
    }

    @Test
    void aDraftWithAForgedFieldAChoiceOutsideTheOptionsAndAMistypedAnswerIsRefusedAtOnce() throws Exception {
        FormAssignment assignment = assigned(intakeForm());

        mvc.perform(putJson(uri(assignment) + "/draft", carol, """
                        {"answers": {"tone": "loud", "nosuch": "x", "consent": "yes"}, "expectedVersion": 0}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("answers.consent", "answers.nosuch", "answers.tone")));

        assertThat(kit.forms().getAssignment(admin, workspace.id(), assignment.id()).version()).isZero();
    }

    @Test
    void aViewerMayNotSaveADraft() throws Exception {
        FormAssignment assignment = assigned(intakeForm());

        mvc.perform(putJson(uri(assignment) + "/draft", dave, """
                        {"answers": {"tone": 5}, "expectedVersion": 0}"""))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void submittingWithoutTheRequiredAnswersNamesEveryOneAndCreatesNoRequest() throws Exception {
        FormAssignment assignment = assigned(intakeForm());

        mvc.perform(postJson(uri(assignment) + "/submit", carol, "{\"answers\": {}, \"expectedVersion\": 0}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("answers.company", "answers.consent", "answers.tone")));

        assertThat(requestCount()).isZero();
    }

    @Test
    void ofTwoConcurrentSubmissionsExactlyOneWinsAndTheOtherIs409() throws Exception {
        FormAssignment assignment = assigned(intakeForm());
        Actor erin = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
        String body = """
                {"answers": {"company": "Acme", "tone": "serious", "consent": true}, "expectedVersion": 0}""";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (Actor who : List.of(carol, erin)) {
                Callable<Integer> submit = () -> {
                    start.await();
                    return mvc.perform(postJson(uri(assignment) + "/submit", who, body)).andReturn().getResponse()
                            .getStatus();
                };
                results.add(pool.submit(submit));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }

        assertThat(requestCount()).isEqualTo(1);
        assertThat(kit.forms().getAssignment(admin, workspace.id(), assignment.id()).status())
                .isEqualTo(AssignmentStatus.SUBMITTED);
    }

    @Test
    void submittingASubmittedAssignmentAgainIs409() throws Exception {
        FormAssignment assignment = assigned(intakeForm());
        String body = """
                {"answers": {"company": "Acme", "tone": "serious", "consent": true}, "expectedVersion": %d}""";
        mvc.perform(postJson(uri(assignment) + "/submit", carol, body.formatted(0))).andExpect(status().isOk());

        mvc.perform(postJson(uri(assignment) + "/submit", carol, body.formatted(1))).andExpect(problem(409, "conflict"));

        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void theTeamCancelsAnOpenAssignmentAndAClientMayNot() throws Exception {
        FormAssignment assignment = assigned(intakeForm());

        mvc.perform(postJson(uri(assignment) + "/cancel", carol, "{\"expectedVersion\": 0}"))
                .andExpect(problem(403, "access-denied"));
        mvc.perform(postJson(uri(assignment) + "/cancel", bob, "{\"expectedVersion\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(get(assignments()).param("status", "OPEN").with(as(carol)))
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void aClientOfAnotherWorkspaceGets404ForAnAssignment() throws Exception {
        FormAssignment assignment = assigned(intakeForm());
        Workspace other = workspace(admin);
        Actor erin = clientMember(other, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(get(uri(assignment)).with(as(erin))).andExpect(problem(404, "not-found"));
        mvc.perform(get(base(other) + "/form-assignments/" + assignment.id().value()).with(as(erin)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(putJson(base(other) + "/form-assignments/" + assignment.id().value() + "/draft", erin, """
                        {"answers": {"company": "Mine"}, "expectedVersion": 0}"""))
                .andExpect(problem(404, "not-found"));
    }
}
