package com.example.crm;

import io.clientworkspace.Actor;
import io.clientworkspace.TenantId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The embedding contract on the web side: the CRM's own endpoints answer kit errors as the kit's problem details,
 * keep Spring's CSRF protection for themselves while the kit's API under {@code /api} works without CSRF tokens and
 * keeps its own cross-site rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CrmWebTest {

    static final Actor ALICE = Actor.team(TenantId.of("acme"), "alice");

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerService service;

    @Autowired
    CustomerRepository customers;

    @Autowired
    WorkspaceKit kit;

    @Test
    void teamUserOnboardsACustomerThroughTheCrmsFormWithACsrfToken() throws Exception {
        mvc.perform(post("/crm/customers").with(httpBasic("alice", "demo")).with(csrf())
                        .param("name", "Hooli").param("clientUserId", "carol"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Hooli"))
                .andExpect(jsonPath("$.workspaceName").value("Hooli"));
    }

    @Test
    void aPostToTheCrmsFormWithoutCsrfTokenIsRefused() throws Exception {
        long before = customers.count();

        mvc.perform(post("/crm/customers").with(httpBasic("alice", "demo"))
                        .param("name", "Forged").param("clientUserId", "carol"))
                .andExpect(status().isForbidden());

        org.assertj.core.api.Assertions.assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void aClientUserMayNotOnboardCustomers() throws Exception {
        mvc.perform(post("/crm/customers").with(httpBasic("carol", "demo")).with(csrf())
                        .param("name", "Own Co").param("clientUserId", "carol"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theKitsApiTakesAPostWithoutCsrfToken() throws Exception {
        String slug = "pied-piper-" + java.util.UUID.randomUUID(); // the in-memory test database outlives one context
        mvc.perform(post("/api/workspaces").with(httpBasic("alice", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Pied Piper\",\"slug\":\"" + slug + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.slug").value(slug));
    }

    @Test
    void theKitsApiStillRefusesAPostABrowserMarksAsCrossSite() throws Exception {
        mvc.perform(post("/api/workspaces").with(httpBasic("alice", "demo")).header("Sec-Fetch-Site", "cross-site")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Evil\",\"slug\":\"evil\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:client-workspace:problem:cross-site-request"));
    }

    @Test
    void aKitNotFoundInTheCrmsControllerIsA404ProblemDetail() throws Exception {
        mvc.perform(get("/crm/customers/" + UUID.randomUUID()).with(httpBasic("alice", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:client-workspace:problem:not-found"));
    }

    @Test
    void aKitValidationErrorInTheCrmsControllerIsA400ProblemNamingTheField() throws Exception {
        mvc.perform(post("/crm/customers").with(httpBasic("alice", "demo")).with(csrf())
                        .param("name", "Vandelay").param("clientUserId", "mallory"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:client-workspace:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("userId"));
    }

    @Test
    void aClientSeesItsOwnCustomer() throws Exception {
        Customer own = service.onboard(ALICE, "Stark", UserId.of("carol"));

        mvc.perform(get("/crm/customers/" + own.getId()).with(httpBasic("carol", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workspaceId").value(own.getWorkspaceId()));
    }

    @Test
    void aClientGetsTheSame404ForAnotherCustomerAsForAnUnknownOne() throws Exception {
        String id = UUID.randomUUID().toString();
        Workspace other = kit.workspaces().create(ALICE, NewWorkspace.of("Wayne", "wayne").withExternalRef(id));
        customers.save(new Customer(id, "Wayne", Instant.now(), other.id().value()));

        mvc.perform(get("/crm/customers/" + id).with(httpBasic("carol", "demo")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:client-workspace:problem:not-found"))
                .andExpect(jsonPath("$.detail").value("customer '" + id + "' not found"));
    }
}
