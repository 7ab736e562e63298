package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.member.Invitation;
import io.clientworkspace.member.InvitationStatus;
import io.clientworkspace.member.IssuedInvitation;
import io.clientworkspace.member.Membership;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.NewInvitation;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Ids of another tenant, or of a workspace the caller is not in, answer exactly as ids that do not
 * exist (the same 404 body but for the id itself), and the request changes nothing.
 */
class IsolationApiTest extends ApiTestSupport {

    private OtherTenant other;
    private Workspace theirs;

    @BeforeEach
    void anotherTenantWithAWorkspace() {
        other = otherTenant();
        theirs = other.workspace();
    }

    /**
     * Sends the request once for {@code realId} and once for a random id, and asserts both answer 404
     * with the same problem body once the id is blanked out.
     */
    private void answersLikeARandomId(Actor caller, String realId, Function<String, MockHttpServletRequestBuilder> request)
            throws Exception {
        String randomId = UUID.randomUUID().toString();
        MockHttpServletResponse real = mvc.perform(request.apply(realId).with(as(caller)))
                .andExpect(problem(404, "not-found")).andReturn().getResponse();
        MockHttpServletResponse random = mvc.perform(request.apply(randomId).with(as(caller)))
                .andExpect(problem(404, "not-found")).andReturn().getResponse();

        assertThat(real.getContentAsString().replace(realId, "<id>"))
                .isEqualTo(random.getContentAsString().replace(randomId, "<id>"));
        assertThat(real.getHeaderNames()).containsExactlyInAnyOrderElementsOf(random.getHeaderNames());
    }

    private List<Membership> theirMembers() {
        return members(other.admin(), theirs.id());
    }

    // ---- another tenant ----

    @ParameterizedTest
    @ValueSource(strings = {"", "/permissions", "/activity/verification", "/members", "/invitations", "/activity"})
    void everyReadOfAnotherTenantsWorkspaceAnswersLikeARandomId(String endpoint) throws Exception {
        answersLikeARandomId(admin, theirs.id().value(), id -> get("/api/workspaces/{id}" + endpoint, id));
    }

    @Test
    void readingAMemberOfAnotherTenantsWorkspaceAnswersLikeARandomWorkspaceId() throws Exception {
        answersLikeARandomId(admin, theirs.id().value(),
                id -> get("/api/workspaces/{id}/members/{userId}", id, other.admin().userId().value()));
    }

    @Test
    void renamingAnotherTenantsWorkspaceAnswersLikeARandomIdAndChangesNothing() throws Exception {
        answersLikeARandomId(admin, theirs.id().value(), id -> patch("/api/workspaces/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Taken Over", "branding": {"displayName": "Pwned"}}"""));

        assertThat(reread(other.admin(), theirs.id())).isEqualTo(theirs);
    }

    @Test
    void archivingAnotherTenantsWorkspaceAnswersLikeARandomIdAndChangesNothing() throws Exception {
        answersLikeARandomId(admin, theirs.id().value(), id -> post("/api/workspaces/{id}/archive", id)
                .header(HttpHeaders.IF_MATCH, "\"0\""));

        assertThat(reread(other.admin(), theirs.id())).isEqualTo(theirs);
    }

    @Test
    void restoringAnotherTenantsWorkspaceAnswersLikeARandomIdAndChangesNothing() throws Exception {
        Workspace archived = kit.workspaces().archive(other.admin(), theirs.id(), 0);

        answersLikeARandomId(admin, theirs.id().value(), id -> post("/api/workspaces/{id}/restore", id)
                .header(HttpHeaders.IF_MATCH, "\"" + archived.version() + "\""));

        assertThat(reread(other.admin(), theirs.id())).isEqualTo(archived);
    }

    @Test
    void anotherTenantsExternalRefAnswersLikeAnUnusedOne() throws Exception {
        Workspace linked = kit.workspaces().create(other.admin(),
                io.clientworkspace.workspace.NewWorkspace.of("Linked", unique("ws")).withExternalRef("crm-shared-" + theirs.id()));

        answersLikeARandomId(admin, linked.externalRef().orElseThrow(),
                ref -> get("/api/workspaces/by-external-ref/{ref}", ref));
    }

    @Test
    void addingAMemberToAnotherTenantsWorkspaceAnswersLikeARandomIdAndAddsNothing() throws Exception {
        List<Membership> before = theirMembers();
        Actor myClient = clientUser(tenant);

        answersLikeARandomId(admin, theirs.id().value(), id -> post("/api/workspaces/{id}/members", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"userId": "%s", "role": "CLIENT_ADMIN"}""".formatted(myClient.userId().value())));

        assertThat(theirMembers()).isEqualTo(before);
    }

    @Test
    void changingARoleInAnotherTenantsWorkspaceAnswersLikeARandomIdAndChangesNothing() throws Exception {
        List<Membership> before = theirMembers();

        answersLikeARandomId(admin, theirs.id().value(), id -> put("/api/workspaces/{id}/members/{userId}", id,
                other.admin().userId().value()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"role": "MEMBER"}"""));

        assertThat(theirMembers()).isEqualTo(before);
    }

    @Test
    void removingAMemberOfAnotherTenantsWorkspaceAnswersLikeARandomIdAndRemovesNothing() throws Exception {
        Actor theirClient = clientMember(theirs, other.admin(), WorkspaceRole.CLIENT_VIEWER);
        List<Membership> before = theirMembers();

        answersLikeARandomId(admin, theirs.id().value(),
                id -> delete("/api/workspaces/{id}/members/{userId}", id, theirClient.userId().value()));

        assertThat(theirMembers()).isEqualTo(before);
    }

    @Test
    void handingOverTheLeadOfAnotherTenantsWorkspaceAnswersLikeARandomId() throws Exception {
        List<Membership> before = theirMembers();

        answersLikeARandomId(admin, theirs.id().value(), id -> post("/api/workspaces/{id}/lead", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"from": "%s", "to": "%s"}""".formatted(other.admin().userId().value(), admin.userId().value())));

        assertThat(theirMembers()).isEqualTo(before);
    }

    @Test
    void invitingIntoAnotherTenantsWorkspaceAnswersLikeARandomIdAndInvitesNobody() throws Exception {
        answersLikeARandomId(admin, theirs.id().value(), id -> post("/api/workspaces/{id}/invitations", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"email": "spy@example.com", "role": "CLIENT_ADMIN"}"""));

        assertThat(kit.invitations().listPending(other.admin(), theirs.id(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void acceptingAnotherTenantsInvitationTokenIs404AndLeavesItPending() throws Exception {
        IssuedInvitation issued = kit.invitations().invite(other.admin(), theirs.id(),
                NewInvitation.of("client@example.com", WorkspaceRole.CLIENT_ADMIN));
        Actor myClient = clientUser(tenant);

        mvc.perform(post("/api/invitations/accept").with(as(myClient)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"token": "%s"}""".formatted(issued.token())))
                .andExpect(problem(404, "not-found"));

        assertThat(kit.invitations().listPending(other.admin(), theirs.id(), PageRequest.first()).items())
                .extracting(Invitation::status).containsExactly(InvitationStatus.PENDING);
    }

    @Test
    void theWorkspaceListNeverHoldsAnotherTenantsWorkspaces() throws Exception {
        Workspace mine = workspace(admin);

        mvc.perform(get("/api/workspaces").with(as(admin)))
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.contains(mine.id().value())));
    }

    // ---- another workspace of the same tenant ----

    @ParameterizedTest
    @ValueSource(strings = {"", "/members", "/activity", "/permissions"})
    void aClientReadingAWorkspaceOfItsTenantItIsNotInGetsTheAnswerForARandomId(String endpoint)
            throws Exception {
        Workspace mine = workspace(admin);
        Workspace notMine = workspace(admin);
        Actor client = clientMember(mine, admin, WorkspaceRole.CLIENT_ADMIN);

        answersLikeARandomId(client, notMine.id().value(), id -> get("/api/workspaces/{id}" + endpoint, id));
    }

    @Test
    void aClientAdminInvitingIntoAWorkspaceItIsNotInGets404AndInvitesNobody() throws Exception {
        Workspace mine = workspace(admin);
        Workspace notMine = workspace(admin);
        Actor clientAdmin = clientMember(mine, admin, WorkspaceRole.CLIENT_ADMIN);

        answersLikeARandomId(clientAdmin, notMine.id().value(), id -> post("/api/workspaces/{id}/invitations", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"email": "friend@example.com", "role": "CLIENT_ADMIN"}"""));

        assertThat(kit.invitations().listPending(admin, notMine.id(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void revokingAnInvitationThroughAnotherWorkspaceOfTheTenantAnswersLikeARandomInvitationId() throws Exception {
        Workspace first = workspace(admin);
        Workspace second = workspace(admin);
        IssuedInvitation ofSecond = kit.invitations().invite(admin, second.id(),
                NewInvitation.of("jane@example.com", WorkspaceRole.CLIENT_VIEWER));

        answersLikeARandomId(admin, ofSecond.invitation().id().value(),
                id -> delete("/api/workspaces/{ws}/invitations/{id}", first.id().value(), id));

        assertThat(kit.invitations().listPending(admin, second.id(), PageRequest.first()).items())
                .extracting(Invitation::status).containsExactly(InvitationStatus.PENDING);
    }

    @Test
    void aMemberOfAnotherWorkspaceReadThroughThisOneAnswersLikeARandomUser() throws Exception {
        Workspace first = workspace(admin);
        Workspace second = workspace(admin);
        Actor clientOfSecond = clientMember(second, admin, WorkspaceRole.CLIENT_VIEWER);

        answersLikeARandomId(admin, clientOfSecond.userId().value(),
                userId -> get("/api/workspaces/{ws}/members/{userId}", first.id().value(), userId));
    }

    @Test
    void removingAMemberOfAnotherWorkspaceThroughThisOneAnswersLikeARandomUserAndRemovesNothing()
            throws Exception {
        Workspace first = workspace(admin);
        Workspace second = workspace(admin);
        Actor clientOfSecond = clientMember(second, admin, WorkspaceRole.CLIENT_VIEWER);

        answersLikeARandomId(admin, clientOfSecond.userId().value(),
                userId -> delete("/api/workspaces/{ws}/members/{userId}", first.id().value(), userId));

        assertThat(kit.members().find(admin, second.id(), clientOfSecond.userId())).isPresent();
    }
}
