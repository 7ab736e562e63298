package io.clientworkspace.spring.web;

import io.clientworkspace.PageRequest;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** Hostile input to the forms, requests and assignment endpoints: odd bodies, ids, cursors; never a 5xx. */
class RequestHostileInputApiTest extends RequestApiTestSupport {

    private int requestCount() {
        return kit.requests().list(admin, workspace.id(), Set.of(), PageRequest.first(100)).items().size();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"title\": \"T\", \"answers\": [1, 2]}",
            "{\"title\": \"T\", \"attachments\": \"not-a-list\"}",
            "{\"title\": \"T\", \"formVersion\": {\"a\": 1}}",
            "[{\"title\": \"T\"}]",
            "\"just a string\""})
    void aBodyOfTheWrongShapeIs400AndSubmitsNothing(String body) throws Exception {
        int status = mvc.perform(postJson(requests(), carol, body)).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(400);
        assertThat(requestCount()).isZero();
    }

    @Test
    void answersWithoutAFormAre400NamingAnswers() throws Exception {
        mvc.perform(postJson(requests(), carol, "{\"title\": \"T\", \"answers\": {\"a\": \"b\"}}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("answers"));
    }

    @Test
    void aFormOfAnotherWorkspaceIsRefusedLikeAnUnknownForm() throws Exception {
        FormDefinition elsewhere = kit.forms().define(admin, Optional.of(workspace(admin).id()),
                new io.clientworkspace.request.NewForm(unique("own"), "Own", intakeForm().fields()));
        String body = """
                {"title": "T", "formId": "%s", "formVersion": 1, "answers": {"company": "Acme"}}""";

        String foreign = body(postJson(requests(), carol, body.formatted(elsewhere.id().value())));
        String unknown = body(postJson(requests(), carol, body.formatted("no-such-form")));

        assertThat((String) read(foreign, "$.errors[0].message")).isEqualTo(read(unknown, "$.errors[0].message"));
        assertThat((String) read(foreign, "$.errors[0].field")).isEqualTo("form");
        assertThat(requestCount()).isZero();
    }

    @Test
    void aRetiredFormTakesNoNewRequestsButItsOpenAssignmentMayStillBeSubmitted() throws Exception {
        FormDefinition form = intakeForm();
        FormAssignment assignment = kit.forms().assign(bob, workspace.id(), form.id(), "Intake", Optional.empty());
        kit.forms().retire(admin, form.id(), 1);

        mvc.perform(postJson(requests(), carol, """
                        {"title": "T", "formId": "%s", "formVersion": 1, "answers": %s}"""
                        .formatted(form.id().value(), validAnswers())))
                .andExpect(problem(409, "conflict"));
        mvc.perform(postJson(assignments() + "/" + assignment.id().value() + "/submit", carol, """
                        {"answers": %s, "expectedVersion": 0}""".formatted(validAnswers())))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void aFieldsListThatIsNotAnArrayIs400() throws Exception {
        mvc.perform(postJson("/api/tenant/forms", admin, "{\"key\": \"k-1\", \"name\": \"N\", \"fields\": {\"a\": 1}}"))
                .andExpect(problem(400, "bad-request"));
    }

    @Test
    void moreThanAHundredFieldsGiveOneError() throws Exception {
        String field = "{\"kind\": \"nonsense\"}";
        String fields = String.join(",", java.util.Collections.nCopies(5000, field));

        String problem = body(postJson("/api/tenant/forms", admin, "{\"key\": \"k-1\", \"name\": \"N\", \"fields\": ["
                + fields + "]}"));

        assertThat((String) read(problem, "$.errors[0].field")).isEqualTo("fields");
        assertThat(problem.length()).isLessThan(2_000);
    }

    @Test
    void aHundredBadFieldsGiveABoundedProblem() throws Exception {
        String field = "{\"kind\": \"email\", \"id\": \"e\", \"label\": \"E\", \"a\": 1, \"b\": 2, \"c\": 3}";
        String fields = String.join(",", java.util.Collections.nCopies(100, field));

        String problem = body(postJson("/api/tenant/forms", admin, "{\"key\": \"k-1\", \"name\": \"N\", \"fields\": ["
                + fields + "]}"));

        assertThat(strings(problem, "$.errors[*].field")).hasSize(FormDtos.MAX_ERRORS + 1);
        assertThat(problem.length()).isLessThan(30_000);
    }

    @Test
    void aPropertyNameThatIsNoNameIsNotEchoed() throws Exception {
        String problem = body(postJson("/api/tenant/forms", admin, """
                {"key": "k-1", "name": "N", "fields": [{"kind": "email", "id": "e", "label": "E", "<script>": 1}]}"""));

        assertThat(problem).doesNotContain("<script>");
        assertThat((String) read(problem, "$.errors[0].field")).isEqualTo("fields[0]");
    }

    @Test
    void numberBoundsWithHugeExponentsAreRefusedByPath() throws Exception {
        mvc.perform(postJson("/api/tenant/forms", admin, """
                        {"key": "k-1", "name": "N", "fields": [
                          {"kind": "number", "id": "n", "label": "N", "min": 1e-999999999, "max": 1e999999999}]}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("fields[0].min")));
        mvc.perform(postJson("/api/tenant/forms", admin, """
                        {"key": "k-1", "name": "N", "fields": [
                          {"kind": "number", "id": "n", "label": "N", "max": 1e999999999}]}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("fields[0].max")));
    }

    @Test
    void anAnswerWithAHugeExponentIsRefusedByField() throws Exception {
        FormDefinition form = intakeForm();

        mvc.perform(postJson(requests(), carol, """
                        {"title": "T", "formId": "%s", "formVersion": 1, "answers": {"company": "Acme", "tone": "serious",
                         "consent": true, "budget": 1e-999999999}}""".formatted(form.id().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.contains("answers.budget")));

        assertThat(requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/requests/..%2F..%2Factuator",
            "/requests/a%00b",
            "/requests/%C0%AE%C0%AE",
            "/form-assignments/..%2Fforms",
            "/forms/a%0Ab",
            "/forms/..;/versions"})
    void aPathTraversalOrControlCharacterInAnIdIs400Or404Never5xx(String path) throws Exception {
        int status = mvc.perform(get(URI.create(base(workspace) + path)).with(as(admin))).andReturn().getResponse()
                .getStatus();

        assertThat(status).isIn(400, 404);
    }

    @Test
    void aForgedCursorIs400NamingCursor() throws Exception {
        mvc.perform(get(requests()).param("cursor", "eyJhZG1pbiI6dHJ1ZX0").with(as(carol)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/requests/inbox").param("cursor", "c".repeat(5_000)).with(as(bob)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }
}
