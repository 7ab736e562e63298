package io.clientworkspace.spring.autoconfigure;

import com.jayway.jsonpath.JsonPath;
import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.tenant.Tenant;
import io.clientworkspace.tenant.UserDirectory;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A request's whole flow through the REST API on the JPA stores and Spring transactions (H2). */
class RequestApiOnJpaStoresTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(KitAutoConfigurations.JPA)
            .withConfiguration(KitAutoConfigurations.WEB_MVC)
            .withConfiguration(KitAutoConfigurations.ALL)
            .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
            .withBean(UserDirectory.class, () -> (tenant, user) -> true);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(Tenant tenant, String user, boolean team) {
        TestingAuthenticationToken token = team
                ? new TestingAuthenticationToken(user, null, "TENANT_" + tenant.id().value(), "ROLE_WORKSPACE_TEAM")
                : new TestingAuthenticationToken(user, null, "TENANT_" + tenant.id().value());
        token.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(token);
    }

    private static String json(MockMvc mvc, org.springframework.test.web.servlet.RequestBuilder request,
                               int expectedStatus) throws Exception {
        return mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aFormIsDefinedAssignedFilledInTwoSittingsSubmittedAndDoneOnTheJpaStores() {
        runner.run(context -> {
            WorkspaceKit kit = context.getBean(WorkspaceKit.class);
            Tenant tenant = kit.tenants().create("Northwind", UserId.of("alice"));
            Actor alice = Actor.team(tenant.id(), "alice");
            Workspace globex = kit.workspaces().create(alice, NewWorkspace.of("Globex", "globex"));
            kit.members().add(alice, globex.id(), UserId.of("erin"), WorkspaceRole.CLIENT_ADMIN);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            String ws = "/api/workspaces/" + globex.id().value();

            signIn(tenant, "alice", true);
            String form = json(mvc, post("/api/tenant/forms").contentType(MediaType.APPLICATION_JSON).content("""
                    {"key": "brand", "name": "Brand questionnaire", "fields": [
                      {"kind": "short-text", "id": "company", "label": "Company", "required": true},
                      {"kind": "number", "id": "budget", "label": "Budget", "decimals": 2},
                      {"kind": "single-choice", "id": "tone", "label": "Tone", "options": ["playful", "serious"]},
                      {"kind": "checkbox", "id": "consent", "label": "I agree", "required": true}]}"""), 201);
            String formId = JsonPath.read(form, "$.id");
            String assignment = json(mvc, post(ws + "/form-assignments").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"formId\": \"" + formId + "\", \"title\": \"Brand questionnaire\"}"), 201);
            String assignmentUri = ws + "/form-assignments/" + JsonPath.read(assignment, "$.id");

            signIn(tenant, "erin", false);
            json(mvc, put(assignmentUri + "/draft").contentType(MediaType.APPLICATION_JSON).content("""
                    {"answers": {"company": "Globex"}, "expectedVersion": 0}"""), 200);
            mvc.perform(put(assignmentUri + "/draft").contentType(MediaType.APPLICATION_JSON).content("""
                            {"answers": {"company": "Globex", "tone": "loud"}, "expectedVersion": 1}"""))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("answers.tone"));
            String submitted = json(mvc, post(assignmentUri + "/submit").contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"answers": {"company": "Globex", "budget": "2500.50", "tone": "serious", "consent": true},
                             "expectedVersion": 1}"""), 200);
            String requestUri = ws + "/requests/" + JsonPath.read(submitted, "$.requestId");
            mvc.perform(get(requestUri))
                    .andExpect(jsonPath("$.answers.budget").value("2500.50"))
                    .andExpect(jsonPath("$.firstResponseAt").doesNotExist());

            signIn(tenant, "alice", true);
            mvc.perform(get("/api/requests/inbox").param("assignee", "none"))
                    .andExpect(jsonPath("$.items[0].title").value("Brand questionnaire"));
            json(mvc, post(requestUri + "/status").contentType(MediaType.APPLICATION_JSON).content("""
                    {"status": "DONE", "expectedVersion": 0}"""), 200);

            List<ClientRequest> stored = kit.requests().list(alice, globex.id(), Set.of(), PageRequest.first()).items();
            assertThat(stored).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(RequestStatus.DONE);
                assertThat(r.answers().get("budget")).hasValue(io.clientworkspace.request.AnswerValue.number("2500.50"));
                assertThat(r.firstResponseAt()).isPresent();
            });
        });
    }
}
