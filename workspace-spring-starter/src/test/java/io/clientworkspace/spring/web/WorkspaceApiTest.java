package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.member.Permission;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Branding;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import io.clientworkspace.workspace.WorkspaceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /me} and {@code /workspaces/**} of {@link WorkspaceApiController}. */
class WorkspaceApiTest extends ApiTestSupport {

    // ---- /me ----

    @Test
    void meAnswersTenantIdUserIdKindTEAMAndTenantRoleForATeamUser() throws Exception {
        String json = mvc.perform(get("/api/me").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.tenantId").value(tenant.value()))
                .andExpect(jsonPath("$.userId").value(admin.userId().value()))
                .andExpect(jsonPath("$.kind").value("TEAM"))
                .andExpect(jsonPath("$.tenantRole").value("TENANT_ADMIN"))
                .andReturn().getResponse().getContentAsString();
        assertThat(fieldsOf(json, "$")).containsExactlyInAnyOrder("tenantId", "userId", "kind", "tenantRole");
    }

    @Test
    void meAnswersKindCLIENTAndANullTenantRoleForAClientUser() throws Exception {
        Actor client = clientUser(tenant);

        mvc.perform(get("/api/me").with(as(client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(client.userId().value()))
                .andExpect(jsonPath("$.kind").value("CLIENT"))
                .andExpect(jsonPath("$.tenantRole").value(nullValue()));
    }

    @Test
    void meOfATeamUserOffTheRosterCarriesARosterHintNamingTheTeamEndpoint() throws Exception {
        Actor stranger = Actor.team(tenant, unique("off-roster"));
        signUp(stranger);

        mvc.perform(get("/api/me").with(as(stranger)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenantRole").value(nullValue()))
                .andExpect(jsonPath("$.rosterHint", containsString("not on the team of tenant '" + tenant.value() + "'")))
                .andExpect(jsonPath("$.rosterHint", containsString("POST /api/tenant/team")));
    }

    @Test
    void theRosterHintNamesNoHostConfiguration() throws Exception {
        Actor stranger = Actor.team(tenant, unique("off-roster"));
        signUp(stranger);

        mvc.perform(get("/api/me").with(as(stranger)))
                .andExpect(jsonPath("$.rosterHint", containsString("a tenant admin adds you with POST /api/tenant/team")))
                .andExpect(jsonPath("$.rosterHint", not(containsString("client-workspace"))));
    }

    @Test
    void theRosterHintPathIncludesTheServletContextPath() throws Exception {
        Actor stranger = Actor.team(tenant, unique("off-roster"));
        signUp(stranger);

        mvc.perform(get("/portal/api/me").contextPath("/portal").with(as(stranger)))
                .andExpect(jsonPath("$.rosterHint", containsString("POST /portal/api/tenant/team {")));
    }

    @Test
    void meOfAClientUserHasNoRosterHint() throws Exception {
        String json = body(get("/api/me").with(as(clientUser(tenant))));

        assertThat(fieldsOf(json, "$")).containsExactlyInAnyOrder("tenantId", "userId", "kind", "tenantRole");
    }

    // ---- create ----

    @Test
    void createAnswers201WithLocationETagAndIdSlugNameExternalRefStatusBrandingCreatedAtUpdatedAtVersion() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/workspaces").with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme Corp", "slug": "acme"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.slug").value("acme"))
                .andExpect(jsonPath("$.name").value("Acme Corp"))
                .andExpect(jsonPath("$.externalRef").value(nullValue()))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.branding.displayName").value(nullValue()))
                .andExpect(jsonPath("$.branding.accentColor").value(nullValue()))
                .andExpect(jsonPath("$.branding.logoRef").value(nullValue()))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andReturn().getResponse();

        String json = response.getContentAsString();
        String id = read(json, "$.id");
        assertThat(fieldsOf(json, "$")).containsExactlyInAnyOrder("id", "slug", "name", "externalRef", "status",
                "branding", "createdAt", "updatedAt", "version");
        assertThat(fieldsOf(json, "$.branding")).containsExactlyInAnyOrder("displayName", "accentColor", "logoRef");
        assertThat(response.getHeader(HttpHeaders.LOCATION)).isEqualTo("http://localhost/api/workspaces/" + id);
        Workspace stored = reread(admin, WorkspaceId.of(id));
        assertThat(stored.slug()).isEqualTo("acme");
        assertThat((String) read(json, "$.createdAt")).isEqualTo(stored.createdAt().toString());
        assertThat((String) read(json, "$.updatedAt")).isEqualTo(stored.updatedAt().toString());
    }

    @Test
    void createTakesExternalRefLeadAndBranding() throws Exception {
        Actor manager = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);

        String json = mvc.perform(post("/api/workspaces").with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme Corp", "slug": "acme", "externalRef": "crm-42", "lead": "%s",
                                 "branding": {"displayName": "Acme", "accentColor": "#1A2B3C", "logoRef": "logo.png"}}"""
                                .formatted(manager.userId().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.externalRef").value("crm-42"))
                .andExpect(jsonPath("$.branding.displayName").value("Acme"))
                .andExpect(jsonPath("$.branding.accentColor").value("#1A2B3C"))
                .andExpect(jsonPath("$.branding.logoRef").value("logo.png"))
                .andReturn().getResponse().getContentAsString();

        WorkspaceId id = WorkspaceId.of(read(json, "$.id"));
        assertThat(kit.members().find(admin, id, manager.userId())).get()
                .extracting(m -> m.role()).isEqualTo(WorkspaceRole.LEAD);
    }

    @Test
    void createAsAClientIs403AccessDeniedAndCreatesNothing() throws Exception {
        Actor client = clientUser(tenant);

        mvc.perform(post("/api/workspaces").with(as(client)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme Corp", "slug": "acme"}"""))
                .andExpect(problem(403, "access-denied"))
                .andExpect(jsonPath("$.required").value("TENANT_ADMIN or ACCOUNT_MANAGER"));

        assertThat(kit.workspaces().list(admin, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void createWithASlugTakenInTheTenantIs409WithReasonDUPLICATESLUG() throws Exception {
        Workspace existing = workspace(admin);

        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Another", "slug": "%s"}""".formatted(existing.slug())))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("DUPLICATE_SLUG"));

        assertThat(kit.workspaces().list(admin, PageRequest.first()).items()).containsExactly(existing);
    }

    @Test
    void createWithoutANameIs400WithErrorsNamingName() throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"slug": "acme"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
    }

    @Test
    void createWithASlugThatIsNotUrlFriendlyIs400WithErrorsNamingSlug() throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "Not A Slug!"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(everyItem(is("slug"))));
    }

    @Test
    void createWithABadAccentColorIs400WithErrorsNamingBrandingAccentColor() throws Exception {
        mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "acme", "branding": {"accentColor": "red"}}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("branding.accentColor"));
    }

    // ---- list ----

    @Test
    void listAnswersItemsAndANextCursorThatFetchesTheNextPage() throws Exception {
        Workspace first = kit.workspaces().create(admin, NewWorkspace.of("A", "aa-" + unique("s")));
        Workspace second = kit.workspaces().create(admin, NewWorkspace.of("B", "bb-" + unique("s")));

        String page1 = mvc.perform(get("/api/workspaces").param("limit", "1").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(first.id().value()))
                .andReturn().getResponse().getContentAsString();
        assertThat(fieldsOf(page1, "$")).containsExactlyInAnyOrder("items", "nextCursor");
        String cursor = read(page1, "$.nextCursor");
        assertThat(cursor).isNotBlank();

        mvc.perform(get("/api/workspaces").param("limit", "1").param("cursor", cursor).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(second.id().value()))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    }

    @Test
    void listForAClientHoldsOnlyTheWorkspacesItIsAMemberOf() throws Exception {
        Workspace mine = workspace(admin);
        workspace(admin);
        Actor client = clientMember(mine, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(get("/api/workspaces").with(as(client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(mine.id().value()));
    }

    // ---- read ----

    @Test
    void getAnswersTheWorkspaceWithItsVersionAsAQuotedETag() throws Exception {
        Workspace workspace = workspace(admin);
        Workspace renamed = kit.workspaces().rename(admin, workspace.id(), "Renamed", workspace.version());

        mvc.perform(get("/api/workspaces/{id}", workspace.id().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + renamed.version() + "\""))
                .andExpect(jsonPath("$.id").value(workspace.id().value()))
                .andExpect(jsonPath("$.name").value("Renamed"))
                .andExpect(jsonPath("$.version").value(renamed.version()));
    }

    @Test
    void getWithTheCurrentETagInIfNoneMatchIs304WithoutABody() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(get("/api/workspaces/{id}", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_NONE_MATCH, "\"" + workspace.version() + "\""))
                .andExpect(status().isNotModified())
                .andExpect(content().string(""));
    }

    @Test
    void byExternalRefAnswersTheLinkedWorkspace() throws Exception {
        Workspace linked = kit.workspaces().create(admin, NewWorkspace.of("Acme", unique("ws")).withExternalRef("crm-7"));

        mvc.perform(get("/api/workspaces/by-external-ref/{ref}", "crm-7").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.id").value(linked.id().value()))
                .andExpect(jsonPath("$.externalRef").value("crm-7"));
    }

    @Test
    void byExternalRefThatNothingUsesIs404NamingResourceTypeWorkspace() throws Exception {
        mvc.perform(get("/api/workspaces/by-external-ref/{ref}", "crm-nothing").with(as(admin)))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.resourceType").value("workspace"));
    }

    // ---- update ----

    @Test
    void patchWithIfMatchRenamesAndAnswersTheNewETag() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(patch("/api/workspaces/{id}", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme Renamed"}"""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.name").value("Acme Renamed"))
                .andExpect(jsonPath("$.version").value(1));

        assertThat(reread(admin, workspace.id()).name()).isEqualTo("Acme Renamed");
    }

    @Test
    void patchWithNameAndBrandingAppliesBothAndKeepsAbsentFields() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(patch("/api/workspaces/{id}", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "branding": {"accentColor": "#00FF00"}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Acme"))
                .andExpect(jsonPath("$.slug").value(workspace.slug()))
                .andExpect(jsonPath("$.branding.accentColor").value("#00FF00"));

        assertThat(reread(admin, workspace.id()).branding()).isEqualTo(Branding.none().withAccentColor("#00FF00"));
    }

    @Test
    void patchWithAValidNameAndAnInvalidBrandingIs400AndRenamesNothing() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(patch("/api/workspaces/{id}", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Half Applied", "branding": {"accentColor": "not-a-colour"}}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("accentColor"));

        assertThat(reread(admin, workspace.id())).isEqualTo(workspace);
        assertThat(kit.activity().feed(admin, workspace.id(), PageRequest.first()).items())
                .noneMatch(e -> e.action().equals("workspace.renamed"));
    }

    @Test
    void patchWithAStaleIfMatchIs412AndChangesNothing() throws Exception {
        Workspace workspace = workspace(admin);
        Workspace current = kit.workspaces().rename(admin, workspace.id(), "Changed Meanwhile", 0);

        mvc.perform(patch("/api/workspaces/{id}", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Lost Update"}"""))
                .andExpect(problem(412, "conflict"))
                .andExpect(jsonPath("$.reason").value("STALE_VERSION"));

        assertThat(reread(admin, workspace.id())).isEqualTo(current);
    }

    @Test
    void patchWithAnEmptyBodyAndAStaleIfMatchIs412() throws Exception {
        Workspace workspace = workspace(admin);
        kit.workspaces().rename(admin, workspace.id(), "Changed Meanwhile", 0);

        mvc.perform(patch("/api/workspaces/{id}", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(problem(412, "conflict"));
    }

    @Test
    void patchWithoutIfMatchIs428PreconditionRequiredAndChangesNothing() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(patch("/api/workspaces/{id}", workspace.id().value()).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Blind Write"}"""))
                .andExpect(problem(428, "precondition-required"));

        assertThat(reread(admin, workspace.id())).isEqualTo(workspace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "W/\"0\"", "\"zero\"", "\"\"", "*"})
    void patchWithAnIfMatchThatIsNotAQuotedVersionIs412AndChangesNothing(String tag) throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(patch("/api/workspaces/{id}", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, tag).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Odd Tag"}"""))
                .andExpect(problem(412, "conflict"));

        assertThat(reread(admin, workspace.id())).isEqualTo(workspace);
    }

    @Test
    void patchByAClientViewerIs403AndChangesNothing() throws Exception {
        Workspace workspace = workspace(admin);
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        mvc.perform(patch("/api/workspaces/{id}", workspace.id().value()).with(as(viewer))
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Client Was Here"}"""))
                .andExpect(problem(403, "access-denied"))
                .andExpect(jsonPath("$.required").value(Permission.EDIT_WORKSPACE.name()));

        assertThat(reread(admin, workspace.id())).isEqualTo(workspace);
    }

    // ---- archive / restore ----

    @Test
    void archiveAnswersStatusARCHIVEDWithTheNewETag() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(post("/api/workspaces/{id}/archive", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.status").value("ARCHIVED"));

        assertThat(reread(admin, workspace.id()).status()).isEqualTo(WorkspaceStatus.ARCHIVED);
    }

    @Test
    void restoreAnswersStatusACTIVEWithTheNewETag() throws Exception {
        Workspace workspace = workspace(admin);
        Workspace archived = kit.workspaces().archive(admin, workspace.id(), 0);

        mvc.perform(post("/api/workspaces/{id}/restore", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"" + archived.version() + "\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + (archived.version() + 1) + "\""))
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void archiveWithoutIfMatchIs428AndArchivesNothing() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(post("/api/workspaces/{id}/archive", workspace.id().value()).with(as(admin)))
                .andExpect(problem(428, "precondition-required"));

        assertThat(reread(admin, workspace.id()).status()).isEqualTo(WorkspaceStatus.ACTIVE);
    }

    @Test
    void archiveWithAStaleIfMatchIs412AndArchivesNothing() throws Exception {
        Workspace workspace = workspace(admin);
        Workspace current = kit.workspaces().rename(admin, workspace.id(), "Changed", 0);

        mvc.perform(post("/api/workspaces/{id}/archive", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(problem(412, "conflict"));

        assertThat(reread(admin, workspace.id())).isEqualTo(current);
    }

    @Test
    void archiveByAClientAdminIs403AndArchivesNothing() throws Exception {
        Workspace workspace = workspace(admin);
        Actor clientAdmin = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(post("/api/workspaces/{id}/archive", workspace.id().value()).with(as(clientAdmin))
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(problem(403, "access-denied"));

        assertThat(reread(admin, workspace.id())).isEqualTo(workspace);
    }

    @Test
    void renamingAnArchivedWorkspaceIs409ArchivedAndChangesNothing() throws Exception {
        Workspace workspace = workspace(admin);
        Workspace archived = kit.workspaces().archive(admin, workspace.id(), 0);

        mvc.perform(patch("/api/workspaces/{id}", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"" + archived.version() + "\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Too Late"}"""))
                .andExpect(problem(409, "archived"));

        assertThat(reread(admin, workspace.id())).isEqualTo(archived);
    }

    @Test
    void restoringAnActiveWorkspaceIs409WithReasonINVALIDSTATE() throws Exception {
        Workspace workspace = workspace(admin);

        mvc.perform(post("/api/workspaces/{id}/restore", workspace.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("INVALID_STATE"));
    }

    // ---- permissions / verification ----

    @Test
    void permissionsAnswerWorkspaceIdTenantRoleWorkspaceRoleAndThePermissionsOfAClientViewer() throws Exception {
        Workspace workspace = workspace(admin);
        Actor viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);

        String json = mvc.perform(get("/api/workspaces/{id}/permissions", workspace.id().value()).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workspaceId").value(workspace.id().value()))
                .andExpect(jsonPath("$.tenantRole").value(nullValue()))
                .andExpect(jsonPath("$.workspaceRole").value("CLIENT_VIEWER"))
                .andExpect(jsonPath("$.permissions", contains("VIEW_WORKSPACE")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fieldsOf(json, "$")).containsExactlyInAnyOrder("workspaceId", "tenantRole", "workspaceRole",
                "permissions");
    }

    @Test
    void permissionsOfATenantAdminAreEveryPermissionSortedByName() throws Exception {
        Workspace workspace = workspace(admin);
        List<String> every = Arrays.stream(Permission.values()).map(Enum::name).sorted().toList();

        mvc.perform(get("/api/workspaces/{id}/permissions", workspace.id().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tenantRole").value("TENANT_ADMIN"))
                .andExpect(jsonPath("$.workspaceRole").value("LEAD"))
                .andExpect(jsonPath("$.permissions", contains(every.toArray())));
    }

    @Test
    void verificationAnswersIntactEntriesCheckedAndTheChainHeadToTheTeam() throws Exception {
        Workspace workspace = workspace(admin);
        long entries = kit.activity().feed(admin, workspace.id(), PageRequest.first()).items().size();

        String json = mvc.perform(get("/api/workspaces/{id}/activity/verification", workspace.id().value()).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entriesChecked").value(entries))
                .andExpect(jsonPath("$.firstBrokenSequence").value(nullValue()))
                .andExpect(jsonPath("$.problem").value(nullValue()))
                .andExpect(jsonPath("$.headSequence").value(entries))
                .andReturn().getResponse().getContentAsString();
        assertThat(fieldsOf(json, "$")).containsExactlyInAnyOrder("intact", "entriesChecked", "firstBrokenSequence",
                "problem", "headSequence", "headHash");
        assertThat((String) read(json, "$.headHash")).matches("[0-9a-f]{64}");
    }

    @Test
    void verificationForAClientIs403BecauseItReadsTeamEntries() throws Exception {
        Workspace workspace = workspace(admin);
        Actor clientAdmin = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);

        mvc.perform(get("/api/workspaces/{id}/activity/verification", workspace.id().value()).with(as(clientAdmin)))
                .andExpect(problem(403, "access-denied"))
                .andExpect(jsonPath("$.required").value("VIEW_INTERNAL"));
    }

    @Test
    void locationOfACreatedWorkspaceAnswersIt() throws Exception {
        String location = mvc.perform(post("/api/workspaces").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Acme", "slug": "%s"}""".formatted(unique("ws"))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getHeader(HttpHeaders.LOCATION);

        mvc.perform(get(URI.create(location)).with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Acme"))
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""));
    }
}
