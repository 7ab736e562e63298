package io.clientworkspace.spring.web;

import io.clientworkspace.PageRequest;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.approval.ApprovalRequest;
import io.clientworkspace.approval.DecisionKind;
import io.clientworkspace.approval.NewApproval;
import io.clientworkspace.project.Milestone;
import io.clientworkspace.project.NewMilestone;
import io.clientworkspace.project.NewStatusUpdate;
import io.clientworkspace.project.Project;
import io.clientworkspace.project.ProjectHealth;
import io.clientworkspace.project.StatusUpdate;
import io.clientworkspace.project.TaskList;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Projects, milestones, status updates and onboarding through the REST API. */
class ProjectApiTest extends ProjectApiTestSupport {

    private String projects() {
        return ws() + "/projects";
    }

    private String project(Project p) {
        return projects() + "/" + p.id().value();
    }

    private String milestone(Milestone m) {
        return ws() + "/milestones/" + m.id().value();
    }

    private Milestone milestone(Project p, String title, boolean requiresApproval) {
        return kit.projects().addMilestone(bob, workspace.id(), p.id(), new NewMilestone(title,
                Optional.of(LocalDate.of(2026, 12, 1)), requiresApproval));
    }

    private StatusUpdate statusUpdate(Project p, ProjectHealth health, Visibility visibility) {
        return kit.projects().postStatus(bob, workspace.id(), p.id(), new NewStatusUpdate(health, "Week 1", "", "", "",
                visibility));
    }

    @Test
    void theTeamCreatesAProjectAndReadsItWithItsETag() throws Exception {
        String json = mvc.perform(postJson(projects(), bob, """
                        {"name": "Brand refresh", "description": "New logo", "startDate": "2026-11-01",
                         "targetDate": "2027-01-31"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(header().string(HttpHeaders.LOCATION, containsString(projects() + "/")))
                .andExpect(jsonPath("$.health").value("ON_TRACK"))
                .andExpect(jsonPath("$.visibility").value("CLIENT"))
                .andExpect(jsonPath("$.owner").value(bob.userId().value()))
                .andReturn().getResponse().getContentAsString();

        mvc.perform(get(projects() + "/" + read(json, "$.id")).with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.name").value("Brand refresh"))
                .andExpect(jsonPath("$.startDate").value("2026-11-01"));
    }

    @Test
    void aTargetDateBeforeTheStartNamesTheTargetDateAndCreatesNothing() throws Exception {
        mvc.perform(postJson(projects(), bob, """
                        {"name": "Brand refresh", "startDate": "2026-11-01", "targetDate": "2026-10-01"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("targetDate")));

        assertThat(kit.projects().count(bob, workspace.id())).isZero();
    }

    @Test
    void aStartDateBefore1900IsAFieldErrorAndCreatesNothing() throws Exception {
        mvc.perform(postJson(projects(), bob, """
                        {"name": "Brand refresh", "startDate": "1899-12-31", "targetDate": "2026-01-01"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", contains("startDate")))
                .andExpect(jsonPath("$.errors[?(@.field == 'startDate')].message",
                        contains("must be between 1900-01-01 and 9999-12-31")));

        assertThat(kit.projects().count(bob, workspace.id())).isZero();
    }

    @Test
    void badProjectInputNamesEveryInvalidFieldAtOnce() throws Exception {
        mvc.perform(postJson(projects(), bob, """
                        {"visibility": "PUBLIC", "startDate": "soon", "targetDate": "2026-13-01"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("name", "visibility", "startDate", "targetDate")));
    }

    @Test
    void aClientMayNotCreateAProject() throws Exception {
        mvc.perform(postJson(projects(), carol, "{\"name\": \"Mine\"}"))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void aClientDoesNotSeeInternalProjectsInPagesNorById() throws Exception {
        project("Brand refresh", Visibility.CLIENT);
        Project pricing = project("Pricing review", Visibility.TEAM);

        mvc.perform(get(projects()).with(as(carol)))
                .andExpect(jsonPath("$.items[*].name", contains("Brand refresh")));
        mvc.perform(get(projects()).with(as(bob)))
                .andExpect(jsonPath("$.items[*].name", contains("Brand refresh", "Pricing review")));
        mvc.perform(get(project(pricing)).with(as(carol))).andExpect(problem(404, "not-found"));
        mvc.perform(get(project(pricing) + "/milestones").with(as(carol))).andExpect(problem(404, "not-found"));
        mvc.perform(postJson(project(pricing) + "/status-updates", carol, "{\"health\": \"GREEN\"}"))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aPatchChangesOnlyTheFieldsSentAndClearsADateWithNull() throws Exception {
        Project p = kit.projects().create(bob, workspace.id(), new io.clientworkspace.project.NewProject("Brand", "d",
                Visibility.CLIENT, Optional.of(LocalDate.of(2026, 11, 1)), Optional.of(LocalDate.of(2027, 1, 1)),
                bob.userId()));

        mvc.perform(patchJson(project(p), bob, "{\"name\": \"Brand refresh\", \"targetDate\": null}")
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.name").value("Brand refresh"))
                .andExpect(jsonPath("$.description").value("d"))
                .andExpect(jsonPath("$.startDate").value("2026-11-01"))
                .andExpect(jsonPath("$.targetDate").doesNotExist());
    }

    @Test
    void aStalePatchIsAFailedPreconditionAndChangesNothing() throws Exception {
        Project p = project("Brand", Visibility.CLIENT);
        kit.projects().setHealth(bob, workspace.id(), p.id(), ProjectHealth.AT_RISK, 0);

        mvc.perform(patchJson(project(p), bob, "{\"name\": \"Other\"}").header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(problem(412, "conflict"));
        assertThat(kit.projects().get(bob, workspace.id(), p.id()).name()).isEqualTo("Brand");
    }

    @Test
    void theTeamSetsAProjectsHealth() throws Exception {
        Project p = project("Brand", Visibility.CLIENT);

        mvc.perform(putJson(project(p) + "/health", bob, "{\"health\": \"at_risk\", \"expectedVersion\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.health").value("AT_RISK"));
        mvc.perform(putJson(project(p) + "/health", bob, "{\"health\": \"GREEN\", \"expectedVersion\": 1}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("health"));
    }

    @Test
    void theTeamAddsMilestonesAndEveryoneReadsThemByDueDate() throws Exception {
        Project p = project("Brand", Visibility.CLIENT);
        milestone(p, "Launch", false);

        mvc.perform(postJson(project(p) + "/milestones", bob, "{\"title\": \"Concepts\", \"dueDate\": \"2026-11-15\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString(ws() + "/milestones/")))
                .andExpect(jsonPath("$.delivered").value(false));
        mvc.perform(get(project(p) + "/milestones").with(as(dave)))
                .andExpect(jsonPath("$.items[*].title", contains("Concepts", "Launch")));
    }

    @Test
    void aMilestoneIsDeliveredAndUndelivered() throws Exception {
        Milestone m = milestone(project("Brand", Visibility.CLIENT), "Launch", false);

        mvc.perform(post(milestone(m) + "/delivery").with(as(bob)).header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered").value(true))
                .andExpect(jsonPath("$.deliveredBy").value(bob.userId().value()));
        mvc.perform(delete(milestone(m) + "/delivery").with(as(bob)).header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered").value(false));
    }

    @Test
    void aMilestoneThatRequiresAnApprovalIsNotDeliveredBeforeItIsApproved() throws Exception {
        Milestone m = milestone(project("Brand", Visibility.CLIENT), "Launch", true);
        ApprovalRequest approval = kit.approvals().requestForDeliverable(bob, workspace.id(), "Final logo",
                Optional.empty(), NewApproval.of("Logo", Set.of(carol.userId())));

        mvc.perform(post(milestone(m) + "/delivery").with(as(bob)).header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("INVALID_STATE"));
        mvc.perform(putJson(milestone(m) + "/approval", bob,
                        "{\"approval\": \"" + approval.id().value() + "\", \"expectedVersion\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approval").value(approval.id().value()));
        kit.approvals().decide(carol, workspace.id(), approval.id(), DecisionKind.APPROVE, Optional.empty());
        mvc.perform(post(milestone(m) + "/delivery").with(as(bob)).header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delivered").value(true));
    }

    @Test
    void linkingAnApprovalThatDoesNotExistNamesTheApprovalField() throws Exception {
        Milestone m = milestone(project("Brand", Visibility.CLIENT), "Launch", true);

        mvc.perform(putJson(milestone(m) + "/approval", bob, "{\"approval\": \"nope\", \"expectedVersion\": 0}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("approval"));
    }

    @Test
    void aClientVisibleStatusUpdateSetsTheHealthAndAnInternalOneDoesNot() throws Exception {
        Project p = project("Brand", Visibility.CLIENT);

        mvc.perform(postJson(project(p) + "/status-updates", bob, """
                        {"health": "AT_RISK", "summary": "Fonts late", "risks": "launch date"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.visibility").value("CLIENT"));
        mvc.perform(postJson(project(p) + "/status-updates", bob, """
                        {"health": "OFF_TRACK", "summary": "Budget", "visibility": "TEAM"}"""))
                .andExpect(status().isCreated());

        assertThat(kit.projects().get(bob, workspace.id(), p.id()).health()).isEqualTo(ProjectHealth.AT_RISK);
        mvc.perform(get(project(p) + "/status-updates").with(as(carol)))
                .andExpect(jsonPath("$.items[*].summary", contains("Fonts late")));
        mvc.perform(get(project(p) + "/status-updates").with(as(bob)))
                .andExpect(jsonPath("$.items[*].summary", contains("Budget", "Fonts late")));
    }

    @Test
    void aClientAcknowledgesAStatusUpdateOnceAndTheTeamSeesWhen() throws Exception {
        StatusUpdate update = statusUpdate(project("Brand", Visibility.CLIENT), ProjectHealth.ON_TRACK, Visibility.CLIENT);
        String acks = ws() + "/status-updates/" + update.id().value() + "/acknowledgements";

        String first = body(post(acks).with(as(carol)));
        String second = body(post(acks).with(as(carol)));

        assertThat(second).isEqualTo(first);
        mvc.perform(get(acks).with(as(bob)))
                .andExpect(jsonPath("$.items[*].user", contains(carol.userId().value())));
        mvc.perform(post(acks).with(as(dave))).andExpect(status().isOk());
    }

    @Test
    void anInternalStatusUpdateAnswersAClientNotFound() throws Exception {
        StatusUpdate update = statusUpdate(project("Brand", Visibility.CLIENT), ProjectHealth.ON_TRACK, Visibility.TEAM);
        String uri = ws() + "/status-updates/" + update.id().value();

        mvc.perform(get(uri).with(as(carol))).andExpect(problem(404, "not-found"));
        mvc.perform(post(uri + "/acknowledgements").with(as(carol))).andExpect(problem(404, "not-found"));
        mvc.perform(get(uri).with(as(bob))).andExpect(status().isOk());
    }

    @Test
    void aClientsOnboardingHasTheChecklistAndProgressButNoFacts() throws Exception {
        TaskList checklist = kit.tasks().onboardingChecklist(bob, workspace.id());
        String json = mvc.perform(get(ws() + "/onboarding").with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.progress.total").value(0))
                .andReturn().getResponse().getContentAsString();

        assertThat(fieldsOf(json, "$")).containsExactlyInAnyOrder("workspaceId", "checklistId", "progress");
        assertThat((String) read(json, "$.checklistId")).isEqualTo(checklist.id().value());
    }

    @Test
    void readingTheOnboardingBeforeAnyChecklistItemAnswersNoChecklistAndCreatesNone() throws Exception {
        mvc.perform(get(ws() + "/onboarding").with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checklistId").value(nullValue()))
                .andExpect(jsonPath("$.progress.done").value(0))
                .andExpect(jsonPath("$.progress.total").value(0));
        mvc.perform(get(ws() + "/onboarding").with(as(bob)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checklistId").value(nullValue()));

        assertThat(kit.tasks().findOnboardingChecklist(bob, workspace.id())).isEmpty();
    }

    @Test
    void theChecklistCompletesWhenTheClientTicksItsTasksAndTheTeamSeesTheFacts() throws Exception {
        Instant signed = Instant.parse("2026-11-01T09:00:00Z");
        mvc.perform(putJson(ws() + "/onboarding/contract-signed", admin, "{\"signedAt\": \"" + signed + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.facts.contractSignedAt").value(signed.toString()));
        TaskList checklist = kit.tasks().onboardingChecklist(bob, workspace.id());
        String logo = read(body(postJson(ws() + "/task-lists/" + checklist.id().value() + "/tasks", bob,
                "{\"title\": \"Upload your logo\", \"side\": \"CLIENT\"}")), "$.id");

        mvc.perform(postJson(ws() + "/tasks/" + logo + "/completion", carol, "{\"expectedVersion\": 0}"))
                .andExpect(status().isOk());

        mvc.perform(get(ws() + "/onboarding").with(as(carol)))
                .andExpect(jsonPath("$.progress.percent").value(100))
                .andExpect(jsonPath("$.facts").doesNotExist());
        mvc.perform(get(ws() + "/onboarding").with(as(bob)))
                .andExpect(jsonPath("$.checklistId").value(checklist.id().value()))
                .andExpect(jsonPath("$.facts.contractSignedAt").value(signed.toString()))
                .andExpect(jsonPath("$.facts.checklistCompletedAt").isNotEmpty())
                .andExpect(jsonPath("$.facts.timeToChecklist").isNotEmpty())
                .andExpect(jsonPath("$.facts.firstMilestoneDeliveredAt").isEmpty());
    }

    @Test
    void onlyTheLeadOrATenantAdminRecordsTheContractSigning() throws Exception {
        mvc.perform(putJson(ws() + "/onboarding/contract-signed", bob, "{\"signedAt\": \"2026-11-01T09:00:00Z\"}"))
                .andExpect(problem(403, "access-denied"));
        mvc.perform(putJson(ws() + "/onboarding/contract-signed", admin, "{}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("signedAt"));
    }

    @Test
    void projectPagesFollowCreationOrderWithCursors() throws Exception {
        for (int i = 1; i <= 3; i++) {
            project("P" + i, Visibility.CLIENT);
        }

        String first = body(get(projects() + "?limit=2").with(as(carol)));
        String second = body(get(projects() + "?limit=2&cursor=" + read(first, "$.nextCursor")).with(as(carol)));

        assertThat((java.util.List<String>) read(first, "$.items[*].name")).containsExactly("P1", "P2");
        assertThat((java.util.List<String>) read(second, "$.items[*].name")).containsExactly("P3");
        assertThat(kit.projects().list(bob, workspace.id(), PageRequest.first(10)).items()).hasSize(3);
    }
}
