package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.PageRequest;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.Folder;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Folders through the REST API: list, create, rename and move with If-Match, delete. */
class FolderApiTest extends FileApiTestSupport {

    private Workspace workspace;
    private Actor client;

    @BeforeEach
    void workspaceWithAClient() {
        workspace = workspace(admin);
        client = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
    }

    private Folder folder(String name, Optional<Folder> parent) {
        return kit.folders().create(admin, workspace.id(), name, parent.map(Folder::id), Visibility.CLIENT);
    }

    private List<Folder> topLevel() {
        return kit.folders().list(admin, workspace.id(), Optional.empty(), PageRequest.first(500)).items();
    }

    @Test
    void creatingAFolderIs201WithLocationAndEtag() throws Exception {
        MockHttpServletResponse response = mvc.perform(post(base(workspace) + "/folders").with(as(client))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Brand assets"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.name").value("Brand assets"))
                .andExpect(jsonPath("$.visibility").value("CLIENT"))
                .andExpect(jsonPath("$.parentId").doesNotExist())
                .andReturn().getResponse();

        String id = read(response.getContentAsString(), "$.id");
        assertThat(response.getHeader(HttpHeaders.LOCATION)).endsWith(base(workspace) + "/folders/" + id);
        mvc.perform(get(base(workspace) + "/folders/{id}", id).with(as(client)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Brand assets"));
    }

    @Test
    void theListHoldsTheChildrenOfTheParentAskedForByName() throws Exception {
        Folder designs = folder("Designs", Optional.empty());
        folder("Contracts", Optional.empty());
        folder("Logos", Optional.of(designs));

        mvc.perform(get(base(workspace) + "/folders").with(as(client)))
                .andExpect(jsonPath("$.items[*].name", contains("Contracts", "Designs")));
        mvc.perform(get(base(workspace) + "/folders").queryParam("parent", designs.id().value()).with(as(client)))
                .andExpect(jsonPath("$.items[*].name", contains("Logos")));
    }

    @Test
    void renamingNeedsIfMatch428ThenRenamesWithANewEtag() throws Exception {
        Folder folder = folder("Drafts", Optional.empty());

        mvc.perform(post(base(workspace) + "/folders/{id}/rename", folder.id().value()).with(as(client))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Final"}"""))
                .andExpect(problem(428, "precondition-required"));
        mvc.perform(post(base(workspace) + "/folders/{id}/rename", folder.id().value()).with(as(client))
                        .header(HttpHeaders.IF_MATCH, "\"" + folder.version() + "\"")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Final"}"""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"" + (folder.version() + 1) + "\""))
                .andExpect(jsonPath("$.name").value("Final"));
    }

    @Test
    void renamingWithAStaleIfMatchIs412AndKeepsTheName() throws Exception {
        Folder folder = folder("Drafts", Optional.empty());
        kit.folders().rename(admin, workspace.id(), folder.id(), "Drafts 2", folder.version());

        mvc.perform(post(base(workspace) + "/folders/{id}/rename", folder.id().value()).with(as(client))
                        .header(HttpHeaders.IF_MATCH, "\"" + folder.version() + "\"")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Mine"}"""))
                .andExpect(problem(412, "conflict"));

        assertThat(topLevel()).extracting(Folder::name).containsExactly("Drafts 2");
    }

    @Test
    void movingPutsAFolderUnderAnotherAndBackToTheTopLevel() throws Exception {
        Folder designs = folder("Designs", Optional.empty());
        Folder logos = folder("Logos", Optional.empty());

        String moved = mvc.perform(post(base(workspace) + "/folders/{id}/move", logos.id().value()).with(as(client))
                        .header(HttpHeaders.IF_MATCH, "\"" + logos.version() + "\"")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"parent": "%s"}""".formatted(designs.id().value())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value(designs.id().value()))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(topLevel()).extracting(Folder::name).containsExactly("Designs");

        mvc.perform(post(base(workspace) + "/folders/{id}/move", logos.id().value()).with(as(client))
                        .header(HttpHeaders.IF_MATCH, moved).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").doesNotExist());
        assertThat(topLevel()).extracting(Folder::name).containsExactly("Designs", "Logos");
    }

    @Test
    void movingAFolderIntoItselfIs400AndMovesNothing() throws Exception {
        Folder designs = folder("Designs", Optional.empty());
        Folder logos = folder("Logos", Optional.of(designs));

        mvc.perform(post(base(workspace) + "/folders/{id}/move", designs.id().value()).with(as(client))
                        .header(HttpHeaders.IF_MATCH, "\"" + designs.version() + "\"")
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"parent": "%s"}""".formatted(logos.id().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("parent"));

        assertThat(topLevel()).extracting(Folder::name).containsExactly("Designs");
    }

    @Test
    void deletingAnEmptyFolderIs204AndANonEmptyOne409() throws Exception {
        Folder empty = folder("Empty", Optional.empty());
        Folder full = folder("Full", Optional.empty());
        folder("Child", Optional.of(full));

        mvc.perform(delete(base(workspace) + "/folders/{id}", empty.id().value()).with(as(client)))
                .andExpect(status().isNoContent());
        mvc.perform(delete(base(workspace) + "/folders/{id}", full.id().value()).with(as(client)))
                .andExpect(problem(409, "conflict"));

        assertThat(topLevel()).extracting(Folder::name).containsExactly("Full");
    }

    @Test
    void deletingWithAStaleIfMatchIs412AndDeletesNothing() throws Exception {
        Folder folder = folder("Drafts", Optional.empty());

        mvc.perform(delete(base(workspace) + "/folders/{id}", folder.id().value()).with(as(client))
                        .header(HttpHeaders.IF_MATCH, "\"" + (folder.version() + 1) + "\""))
                .andExpect(problem(412, "conflict"));

        assertThat(topLevel()).containsExactly(folder);
    }

    @Test
    void aFolderBodyWithAFieldTheCallerMayNotSetIs400AndCreatesNothing() throws Exception {
        mvc.perform(post(base(workspace) + "/folders").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Drafts", "workspaceId": "elsewhere"}"""))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("workspaceId"));

        assertThat(topLevel()).isEmpty();
    }

    @Test
    void aFolderNameWithAPathIsStoredAsItsLastSegment() throws Exception {
        mvc.perform(post(base(workspace) + "/folders").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "../../etc"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("etc"));
    }

    @Test
    void aClientNeverSeesAnInternalFolderAndReadingItIs404() throws Exception {
        Folder internal = kit.folders().create(admin, workspace.id(), "Pricing", Optional.empty(), Visibility.TEAM);
        folder("Shared", Optional.empty());

        mvc.perform(get(base(workspace) + "/folders").with(as(client)))
                .andExpect(jsonPath("$.items[*].name", contains("Shared")));
        mvc.perform(get(base(workspace) + "/folders/{id}", internal.id().value()).with(as(client)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get(base(workspace) + "/files").queryParam("folder", internal.id().value()).with(as(client)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(post(base(workspace) + "/folders/{id}/rename", internal.id().value()).with(as(client))
                        .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Seen"}"""))
                .andExpect(problem(404, "not-found"));
        mvc.perform(delete(base(workspace) + "/folders/{id}", internal.id().value()).with(as(client)))
                .andExpect(problem(404, "not-found"));

        assertThat(topLevel()).extracting(Folder::name).containsExactly("Pricing", "Shared");
    }
}
