package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.tenant.TenantRole;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Workspace templates through the REST API: the library (define, read, versions, revise, retire), who may do what,
 * field paths into the content, creating a workspace from a template (201, then 200 for the same external
 * reference, also when two arrive at once; 409 otherwise) and a workspace's origin.
 */
class TemplateApiTest extends RequestApiTestSupport {

    private static final String LIBRARY = "/api/tenant/templates";

    private static final String CONTENT = """
            {"folders": [{"path": "Brand", "visibility": "CLIENT"}, {"path": "Internal", "visibility": "TEAM"}],
             "projects": [{"name": "Monthly retainer", "visibility": "CLIENT", "startOffsetDays": 0,
                           "targetOffsetDays": 30,
                           "milestones": [{"title": "Kick-off", "dueOffsetDays": 14},
                                          {"title": "First delivery", "dueOffsetDays": 30, "requiresApproval": true}],
                           "taskLists": [{"name": "Launch", "tasks": [
                               {"title": "Prepare the kick-off", "side": "TEAM", "dueOffsetDays": 3},
                               {"title": "Check margin", "side": "TEAM", "visibility": "TEAM"}]}]}],
             "welcomeMessage": "Welcome aboard!",
             "checklist": [{"title": "Upload your logo", "dueOffsetDays": 7}, {"title": "Invite your team"}]}""";

    private static String define(String key, String content) {
        return """
                {"key": "%s", "name": "Retainer onboarding", "content": %s}""".formatted(key, content);
    }

    private static String create(String slug, String externalRef) {
        return """
                {"name": "Initech", "slug": "%s", "externalRef": "%s", "startDate": "2026-12-07",
                 "contractSignedAt": "2026-12-01T09:00:00Z"}""".formatted(slug, externalRef);
    }

    /** Defines the template over REST and answers its id. */
    private String template() throws Exception {
        return read(body(postJson(LIBRARY, admin, define(unique("retainer"), CONTENT))), "$.id");
    }

    @Test
    void aTenantAdminDefinesATemplateAndGetsItsContentBack() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, define(unique("retainer"), CONTENT)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/tenant/templates/")))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.content.folders[1].visibility").value("TEAM"))
                .andExpect(jsonPath("$.content.projects[0].milestones[1].requiresApproval").value(true))
                .andExpect(jsonPath("$.content.projects[0].milestones[0].requiresApproval").value(false))
                .andExpect(jsonPath("$.content.projects[0].taskLists[0].tasks[1].visibility").value("TEAM"))
                .andExpect(jsonPath("$.content.checklist[1].dueOffsetDays").isEmpty())
                .andExpect(jsonPath("$.content.welcomeMessage").value("Welcome aboard!"));
    }

    @Test
    void aMissingOffsetIsReportedByItsPathInTheContent() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, define(unique("bad"), """
                        {"projects": [{"name": "P", "startOffsetDays": 0, "milestones": [
                            {"title": "A", "dueOffsetDays": 1}, {"title": "B", "dueOffsetDays": 2}, {"title": "C"}],
                          "taskLists": [{"name": "L", "tasks": [{"title": "T", "side": "SOMEBODY"}]}]}],
                         "team": [{"userId": "bob"}]}""")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("projects[0].milestones[2].dueOffsetDays",
                        "projects[0].taskLists[0].tasks[0].side", "team[0].role")));
        mvc.perform(get(LIBRARY).with(as(admin))).andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void theKitsContentRulesAreReportedByPathAllAtOnce() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, define(unique("bad"), """
                        {"projects": [{"name": "P", "startOffsetDays": 10, "targetOffsetDays": 5, "milestones": [
                            {"title": "A", "dueOffsetDays": 1}, {"title": "B", "dueOffsetDays": 20},
                            {"title": "C", "dueOffsetDays": 4000}]}],
                         "folders": [{"path": "../etc"}]}""")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems(
                        "projects[0].targetOffsetDays", "projects[0].milestones[0].dueOffsetDays",
                        "projects[0].milestones[2].dueOffsetDays", "folders[0].path")));
    }

    @Test
    void anUnknownFieldDeepInTheContentIsRefused() throws Exception {
        mvc.perform(postJson(LIBRARY, admin, define(unique("bad"), """
                        {"projects": [{"name": "P", "startOffsetDays": 0, "id": "p-1"}]}""")))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void anOversizeTemplateIs413AndDefinesNothing() throws Exception {
        String huge = "{\"welcomeMessage\": \"" + "x".repeat(1_100_000) + "\"}";

        mvc.perform(postJson(LIBRARY, admin, define(unique("huge"), huge)))
                .andExpect(problem(413, "payload-too-large"));
        mvc.perform(get(LIBRARY).with(as(admin))).andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void aClientGets404AndATeamMemberWhoIsNoAdminGets403ForChanges() throws Exception {
        String id = template();
        Actor member = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        mvc.perform(get(LIBRARY).with(as(carol))).andExpect(problem(404, "not-found"));
        mvc.perform(get(LIBRARY + "/" + id).with(as(carol))).andExpect(problem(404, "not-found"));
        mvc.perform(postJson(LIBRARY, carol, define(unique("c"), "{}"))).andExpect(problem(404, "not-found"));
        mvc.perform(get(LIBRARY + "/" + id).with(as(member))).andExpect(status().isOk());
        mvc.perform(postJson(LIBRARY, member, define(unique("m"), "{}"))).andExpect(problem(403, "access-denied"));
        mvc.perform(postJson(LIBRARY + "/" + id + "/workspaces", member, create(unique("ws"), "crm-1")))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void anotherTenantsTemplateIsNotFound() throws Exception {
        String id = template();
        OtherTenant other = otherTenant();

        mvc.perform(get(LIBRARY + "/" + id).with(as(other.admin()))).andExpect(problem(404, "not-found"));
        mvc.perform(postJson(LIBRARY + "/" + id + "/workspaces", other.admin(), create(unique("ws"), "crm-1")))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void revisingStoresANewVersionAndKeepsTheOldOne() throws Exception {
        String id = template();

        mvc.perform(postJson(LIBRARY + "/" + id + "/versions", admin, """
                        {"name": "Retainer onboarding v2", "content": {"checklist": [{"title": "Say hello"}]},
                         "expectedVersion": 1}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, endsWith("/api/tenant/templates/" + id + "?version=2")))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(get(LIBRARY + "/" + id + "?version=1").with(as(admin)))
                .andExpect(jsonPath("$.name").value("Retainer onboarding"))
                .andExpect(jsonPath("$.content.projects", hasSize(1)));
        mvc.perform(get(LIBRARY + "/" + id + "/versions").with(as(admin)))
                .andExpect(jsonPath("$[*].version", org.hamcrest.Matchers.contains(1, 2)));
        mvc.perform(get(LIBRARY + "/" + id).with(as(admin))).andExpect(header().string(HttpHeaders.ETAG, "\"2\""));
    }

    @Test
    void aStaleRevisionIs409AndStoresNothing() throws Exception {
        String id = template();
        String revision = """
                {"name": "Again", "content": {}, "expectedVersion": 1}""";
        mvc.perform(postJson(LIBRARY + "/" + id + "/versions", admin, revision)).andExpect(status().isCreated());

        mvc.perform(postJson(LIBRARY + "/" + id + "/versions", admin, revision))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("STALE_VERSION"));
        mvc.perform(get(LIBRARY + "/" + id + "/versions").with(as(admin))).andExpect(jsonPath("$", hasSize(2)));
    }

    @Test
    void aRetiredTemplateMakesNoWorkspace() throws Exception {
        String id = template();

        mvc.perform(postJson(LIBRARY + "/" + id + "/retire", admin, "{\"expectedVersion\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETIRED"));
        mvc.perform(postJson(LIBRARY + "/" + id + "/workspaces", admin, create(unique("ws"), unique("crm"))))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("INVALID_STATE"));
    }

    @Test
    void creatingAWorkspaceIs201ThenTheSameReferenceIs200WithTheSameWorkspace() throws Exception {
        String id = template();
        String slug = unique("initech");
        String ref = unique("crm-initech");

        String first = mvc.perform(postJson(LIBRARY + "/" + id + "/workspaces", admin, create(slug, ref)))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/workspaces/")))
                .andExpect(jsonPath("$.slug").value(slug))
                .andExpect(jsonPath("$.externalRef").value(ref))
                .andReturn().getResponse().getContentAsString();
        String workspaceId = read(first, "$.id");

        mvc.perform(postJson(LIBRARY + "/" + id + "/workspaces", admin, create(slug, ref)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(workspaceId));
        mvc.perform(get("/api/workspaces/" + workspaceId + "/origin").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.templateId").value(id))
                .andExpect(jsonPath("$.templateVersion").value(1))
                .andExpect(jsonPath("$.externalRef").value(ref));
    }

    @Test
    void aReferenceMadeByAnotherTemplateIs409() throws Exception {
        String first = template();
        String second = template();
        String ref = unique("crm");
        mvc.perform(postJson(LIBRARY + "/" + first + "/workspaces", admin, create(unique("ws"), ref)))
                .andExpect(status().isCreated());

        mvc.perform(postJson(LIBRARY + "/" + second + "/workspaces", admin, create(unique("ws"), ref)))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("DUPLICATE_EXTERNAL_REF"));
    }

    @Test
    void twoConcurrentCreatesWithOneReferenceMakeOneWorkspace() throws Exception {
        String id = template();
        String slug = unique("race");
        String ref = unique("crm-race");
        CountDownLatch start = new CountDownLatch(1);
        Callable<MvcResult> call = () -> {
            start.await();
            return mvc.perform(postJson(LIBRARY + "/" + id + "/workspaces", admin, create(slug, ref))).andReturn();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<MvcResult> results = new ArrayList<>();
        try {
            Future<MvcResult> a = pool.submit(call);
            Future<MvcResult> b = pool.submit(call);
            start.countDown();
            results.add(a.get());
            results.add(b.get());
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).extracting(r -> r.getResponse().getStatus()).containsExactlyInAnyOrder(201, 200);
        assertThat(results).extracting(r -> (String) read(r.getResponse().getContentAsString(), "$.id"))
                .containsOnly((String) read(results.get(0).getResponse().getContentAsString(), "$.id"));
        assertThat(kit.workspaces().findByExternalRef(admin, ref)).isPresent();
    }

    @Test
    void aRetiredFormVersionIs409NamingItsPlaceInTheTemplate() throws Exception {
        FormDefinition form = intakeForm();
        String id = read(body(postJson(LIBRARY, admin, define(unique("forms"), """
                {"forms": [{"formId": "%s", "version": 1, "title": "Brand intake", "dueOffsetDays": 5}]}"""
                .formatted(form.id().value())))), "$.id");
        kit.forms().retire(admin, form.id(), 1);

        mvc.perform(postJson(LIBRARY + "/" + id + "/workspaces", admin, create(unique("ws"), unique("crm"))))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail", containsString("forms[0]")));
        mvc.perform(postJson(LIBRARY, admin, define(unique("again"), """
                        {"forms": [{"formId": "%s", "version": 1, "title": "Brand intake"}]}"""
                        .formatted(form.id().value()))))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail", containsString("forms[0]")));
    }

    @Test
    void badCreateFieldsAreReportedAtOnce() throws Exception {
        String id = template();

        mvc.perform(postJson(LIBRARY + "/" + id + "/workspaces", admin, """
                        {"name": "Initech", "startDate": "07/12/2026", "contractSignedAt": "yesterday"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("slug", "externalRef", "startDate",
                        "contractSignedAt")));
    }

    @Test
    void theOriginIsTheTeamsAClientAndAWorkspaceMadeByHandGet404() throws Exception {
        String id = template();
        String made = read(body(postJson(LIBRARY + "/" + id + "/workspaces", admin,
                create(unique("ws"), unique("crm")))), "$.id");
        kit.members().add(admin, io.clientworkspace.WorkspaceId.of(made), carol.userId(),
                io.clientworkspace.member.WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(get("/api/workspaces/" + made + "/origin").with(as(carol))).andExpect(problem(404, "not-found"));
        mvc.perform(get("/api/workspaces/" + workspace.id().value() + "/origin").with(as(admin)))
                .andExpect(problem(404, "not-found"));
    }
}
