package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.ConversationId;
import io.clientworkspace.PageRequest;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.clientworkspace.tck.SampleFiles.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Conversations through the REST API: General, topics, item conversations, messages and notes, edits with history,
 * tombstones, paging and polling, read markers and unread counts; who may do what; the errors.
 */
class ConversationApiTest extends FileApiTestSupport {

    private Workspace workspace;
    private Actor bob;
    private Actor carol;
    private Actor dave;

    @BeforeEach
    void workspaceWithATeamMemberAClientAdminAndAViewer() {
        workspace = workspace(admin);
        bob = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);
        kit.members().add(admin, workspace.id(), bob.userId(), WorkspaceRole.MEMBER);
        carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        dave = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
    }

    private String conversations() {
        return base(workspace) + "/conversations";
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private Conversation general() {
        return kit.conversations().general(admin, workspace.id());
    }

    private Message posted(Actor author, Conversation in, NewMessage message) {
        return kit.conversations().post(author, workspace.id(), in.id(), message);
    }

    private String postJson(String body) {
        return """
                {"body": "%s"}""".formatted(body);
    }

    // ------------------------------------------------------------------------------------------ conversations

    @Test
    void generalIsCreatedOnFirstUseAndAnsweredWithItsEtag() throws Exception {
        mvc.perform(get(conversations() + "/general").with(as(dave)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.kind").value("GENERAL"))
                .andExpect(jsonPath("$.title").value("General"))
                .andExpect(jsonPath("$.visibility").value("CLIENT"))
                .andExpect(jsonPath("$.createdBy").value("workspace"))
                .andExpect(jsonPath("$.lastMessageAt").doesNotExist());

        assertThat(general().createdAt()).isEqualTo(workspace.createdAt());
    }

    @Test
    void startingATopicAnswers201WithItsLocation() throws Exception {
        MockHttpServletResponse response = mvc.perform(json(post(conversations()).with(as(carol)), """
                        {"title": "Launch"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("TOPIC"))
                .andExpect(jsonPath("$.title").value("Launch"))
                .andExpect(jsonPath("$.visibility").value("CLIENT"))
                .andExpect(jsonPath("$.createdBy").value(carol.userId().value()))
                .andReturn().getResponse();

        String id = read(response.getContentAsString(), "$.id");
        assertThat(response.getHeader(HttpHeaders.LOCATION)).endsWith(conversations() + "/" + id);
        mvc.perform(get(conversations() + "/" + id).with(as(dave))).andExpect(jsonPath("$.title").value("Launch"));
    }

    @Test
    void aClientCannotStartAnInternalTopic() throws Exception {
        mvc.perform(json(post(conversations()).with(as(carol)), """
                        {"title": "Secret", "visibility": "TEAM"}"""))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void aTopicWithoutTitleIs400NamingTheField() throws Exception {
        mvc.perform(json(post(conversations()).with(as(bob)), "{}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    @Test
    void aTopicBodyWithAFieldTheCallerMayNotSetIs400NamingIt() throws Exception {
        mvc.perform(json(post(conversations()).with(as(bob)), """
                        {"title": "Launch", "createdBy": "someone"}"""))
                .andExpect(problem(400, "bad-request"))
                .andExpect(jsonPath("$.errors[0].field").value("createdBy"));
    }

    @Test
    void listingShowsTheMostRecentlyActiveFirstWithCursorPages() throws Exception {
        Conversation launch = kit.conversations().startTopic(bob, workspace.id(), "Launch", Visibility.CLIENT);
        Conversation budget = kit.conversations().startTopic(bob, workspace.id(), "Budget", Visibility.CLIENT);
        posted(carol, launch, NewMessage.of("news?"));

        String first = body(get(conversations() + "?limit=2").with(as(carol)));
        assertThat(read(first, "$.items[*].title").toString()).isEqualTo("[\"Launch\",\"Budget\"]");
        String cursor = read(first, "$.nextCursor");
        mvc.perform(get(conversations() + "?limit=2&cursor=" + cursor).with(as(carol)))
                .andExpect(jsonPath("$.items[*].title", contains("General")))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        assertThat(budget.id()).isNotEqualTo(launch.id());
    }

    @Test
    void clientsDoNotSeeInternalTopicsInTheListAndGet404ByTheirId() throws Exception {
        Conversation secret = kit.conversations().startTopic(bob, workspace.id(), "Margins", Visibility.TEAM);

        mvc.perform(get(conversations()).with(as(carol)))
                .andExpect(jsonPath("$.items[*].title", contains("General")));
        mvc.perform(get(conversations() + "/" + secret.id().value()).with(as(carol)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get(conversations() + "/" + secret.id().value()).with(as(bob)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.visibility").value("TEAM"));
    }

    @Test
    void anItemConversationIsStartedOnceAndFoundAfterwards() throws Exception {
        FileAsset logo = file(admin, workspace, "logo.pdf", pdf("logo"));
        String item = conversations() + "/items/file/" + logo.id().value();

        mvc.perform(get(item).with(as(carol))).andExpect(problem(404, "not-found"));
        String created = mvc.perform(post(item).with(as(carol)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("ITEM"))
                .andExpect(jsonPath("$.item.type").value("FILE"))
                .andExpect(jsonPath("$.item.id").value(logo.id().value()))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(post(item).with(as(bob)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value((String) read(created, "$.id")));
        mvc.perform(get(item).with(as(dave)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value((String) read(created, "$.id")));
    }

    @Test
    void ofFourConcurrentFirstStartsOfAnItemConversationExactlyOneAnswers201() throws Exception {
        FileAsset logo = file(admin, workspace, "logo.pdf", pdf("logo"));
        String item = conversations() + "/items/file/" + logo.id().value();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        try {
            for (Actor who : List.of(carol, bob, carol, bob)) {
                java.util.concurrent.Callable<Integer> open = () -> {
                    start.await();
                    return mvc.perform(post(item).with(as(who))).andReturn().getResponse().getStatus();
                };
                results.add(pool.submit(open));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200, 200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInternalFilesConversationIs404ForClientsLikeAFileThatDoesNotExist() throws Exception {
        FileAsset plan = internalFile(admin, workspace, "plan.pdf", pdf("plan"));
        kit.conversations().forItem(bob, workspace.id(),
                new io.clientworkspace.message.ItemRef(io.clientworkspace.message.ItemType.FILE, plan.id().value()));

        String hidden = body(get(conversations() + "/items/file/" + plan.id().value()).with(as(carol)));
        String unknown = body(get(conversations() + "/items/file/" + plan.id().value() + "x").with(as(carol)));
        mvc.perform(post(conversations() + "/items/file/" + plan.id().value()).with(as(carol)))
                .andExpect(problem(404, "not-found"));
        assertThat(hidden.replace(plan.id().value() + "x", plan.id().value()))
                .isEqualTo(unknown.replace(plan.id().value() + "x", plan.id().value()));
    }

    @Test
    void anUnknownItemTypeIs400NamingTheField() throws Exception {
        mvc.perform(get(conversations() + "/items/invoice/42").with(as(bob)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("type"));
    }

    // ------------------------------------------------------------------------------------------ messages

    @Test
    void postingAMessageAnswers201WithItsLocationAndEtag() throws Exception {
        FileAsset logo = file(admin, workspace, "logo.pdf", pdf("logo"));
        Conversation general = general();

        MockHttpServletResponse response = mvc.perform(json(post(conversations() + "/" + general.id().value() + "/messages")
                        .with(as(carol)), """
                        {"body": "  <b>Looks</b> good @bob  ", "attachments": ["%s"], "mentions": ["%s"]}"""
                        .formatted(logo.id().value(), bob.userId().value())))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.body").value("<b>Looks</b> good @bob"))
                .andExpect(jsonPath("$.visibility").value("CLIENT"))
                .andExpect(jsonPath("$.author").value(carol.userId().value()))
                .andExpect(jsonPath("$.authorKind").value("CLIENT"))
                .andExpect(jsonPath("$.attachments", contains(logo.id().value())))
                .andExpect(jsonPath("$.mentions", contains(bob.userId().value())))
                .andExpect(jsonPath("$.deleted").value(false))
                .andReturn().getResponse();

        String id = read(response.getContentAsString(), "$.id");
        assertThat(response.getHeader(HttpHeaders.LOCATION)).endsWith(conversations() + "/messages/" + id);
        mvc.perform(get(conversations() + "/messages/" + id).with(as(dave)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""));
    }

    @Test
    void aViewerPostingIs403AndNothingIsPosted() throws Exception {
        Conversation general = general();

        mvc.perform(json(post(conversations() + "/" + general.id().value() + "/messages").with(as(dave)), postJson("hi")))
                .andExpect(problem(403, "access-denied"));

        assertThat(kit.conversations().messages(admin, workspace.id(), general.id(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aClientPostingAnInternalNoteIs403() throws Exception {
        mvc.perform(json(post(conversations() + "/" + general().id().value() + "/messages").with(as(carol)), """
                        {"body": "psst", "visibility": "TEAM"}"""))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void anEmptyOrOversizeBodyIs400NamingBody() throws Exception {
        String url = conversations() + "/" + general().id().value() + "/messages";

        mvc.perform(json(post(url).with(as(carol)), postJson("   ")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(json(post(url).with(as(carol)), postJson("x".repeat(10_001))))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(json(post(url).with(as(carol)), "{}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void aJsonBodyOverTheSizeLimitIs413AndNothingIsPosted() throws Exception {
        Conversation general = general();

        mvc.perform(json(post(conversations() + "/" + general.id().value() + "/messages").with(as(carol)),
                        postJson("x".repeat(1_100_000))))
                .andExpect(problem(413, "payload-too-large"));

        assertThat(kit.conversations().messages(admin, workspace.id(), general.id(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void tenThousandMentionsAreOneBoundedErrorOnMentions() throws Exception {
        String mentions = IntStream.range(0, 10_000).mapToObj(i -> "\"user-" + i + "\"").collect(Collectors.joining(","));

        mvc.perform(json(post(conversations() + "/" + general().id().value() + "/messages").with(as(bob)), """
                        {"body": "hello", "mentions": [%s]}""".formatted(mentions)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("mentions"));
    }

    @Test
    void mentioningAClientInANoteIs400NamingTheMention() throws Exception {
        mvc.perform(json(post(conversations() + "/" + general().id().value() + "/messages").with(as(bob)), """
                        {"body": "ask them", "visibility": "TEAM", "mentions": ["%s", "%s"]}"""
                        .formatted(admin.userId().value(), carol.userId().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("mentions[1]"));
    }

    @Test
    void aClientAttachingAnInternalFileIs400NamingTheAttachment() throws Exception {
        FileAsset logo = file(admin, workspace, "logo.pdf", pdf("logo"));
        FileAsset plan = internalFile(admin, workspace, "plan.pdf", pdf("plan"));

        mvc.perform(json(post(conversations() + "/" + general().id().value() + "/messages").with(as(carol)), """
                        {"body": "see", "attachments": ["%s", "%s"]}""".formatted(logo.id().value(), plan.id().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("attachments[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("no such file"));
    }

    @Test
    void aMissingMentionIs400NamingItsIndex() throws Exception {
        mvc.perform(json(post(conversations() + "/" + general().id().value() + "/messages").with(as(bob)), """
                        {"body": "hello", "mentions": ["%s", null]}""".formatted(admin.userId().value())))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("mentions[1]"));
    }

    @Test
    void postingInAnArchivedWorkspaceIs409Archived() throws Exception {
        Conversation general = general();
        kit.workspaces().archive(admin, workspace.id(), reread(admin, workspace.id()).version());

        mvc.perform(json(post(conversations() + "/" + general.id().value() + "/messages").with(as(carol)), postJson("hi")))
                .andExpect(problem(409, "archived"));
    }

    @Test
    void clientsNeverSeeInternalNotesInPagesNorByTheirId() throws Exception {
        Conversation general = general();
        posted(carol, general, NewMessage.of("question"));
        Message note = posted(bob, general, NewMessage.note("internal"));

        mvc.perform(get(conversations() + "/" + general.id().value() + "/messages").with(as(carol)))
                .andExpect(jsonPath("$.items[*].body", contains("question")));
        mvc.perform(get(conversations() + "/messages/" + note.id().value()).with(as(carol)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get(conversations() + "/" + general.id().value() + "/messages").with(as(bob)))
                .andExpect(jsonPath("$.items[*].body", contains("internal", "question")))
                .andExpect(jsonPath("$.items[0].visibility").value("TEAM"));
    }

    @Test
    void messagesPageNewestFirstByCursor() throws Exception {
        Conversation general = general();
        for (String body : List.of("one", "two", "three")) {
            posted(carol, general, NewMessage.of(body));
        }
        String url = conversations() + "/" + general.id().value() + "/messages";

        String first = body(get(url + "?limit=2").with(as(dave)));
        assertThat(read(first, "$.items[*].body").toString()).isEqualTo("[\"three\",\"two\"]");
        mvc.perform(get(url + "?limit=2&cursor=" + read(first, "$.nextCursor")).with(as(dave)))
                .andExpect(jsonPath("$.items[*].body", contains("one")))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void pollingSinceAMessageAnswersWhatCameAfterItOldestFirst() throws Exception {
        Conversation general = general();
        Message one = posted(carol, general, NewMessage.of("one"));
        posted(bob, general, NewMessage.note("hidden"));
        posted(carol, general, NewMessage.of("two"));
        posted(admin, general, NewMessage.of("three"));
        String url = conversations() + "/" + general.id().value() + "/messages";

        mvc.perform(get(url + "?since=" + one.id().value()).with(as(dave)))
                .andExpect(jsonPath("$.items[*].body", contains("two", "three")))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(get(url + "?since=&limit=2").with(as(dave)))
                .andExpect(jsonPath("$.items[*].body", contains("one", "two")));
    }

    @Test
    void pollingIsBoundedAndTakesNoCursor() throws Exception {
        String url = conversations() + "/" + general().id().value() + "/messages";

        mvc.perform(get(url + "?since=&limit=501").with(as(dave)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get(url + "?since=&cursor=abc").with(as(dave)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    @Test
    void aForgedCursorIs400() throws Exception {
        mvc.perform(get(conversations() + "/" + general().id().value() + "/messages?cursor=forged").with(as(dave)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    }

    // ------------------------------------------------------------------------------------------ edits and deletes

    @Test
    void editingWithIfMatchKeepsThePreviousBodyForTheTeam() throws Exception {
        Message hello = posted(carol, general(), NewMessage.of("helo"));
        String url = conversations() + "/messages/" + hello.id().value();

        mvc.perform(json(patch(url).with(as(carol)).header(HttpHeaders.IF_MATCH, "\"0\""), postJson("hello")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.body").value("hello"))
                .andExpect(jsonPath("$.editedAt").exists());
        mvc.perform(get(url + "/revisions").with(as(bob)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].body", contains("helo")))
                .andExpect(jsonPath("$.items[0].revision").value(1))
                .andExpect(jsonPath("$.items[0].editedBy").value(carol.userId().value()));
    }

    @Test
    void editingWithoutIfMatchIs428AndChangesNothing() throws Exception {
        Message hello = posted(carol, general(), NewMessage.of("hello"));

        mvc.perform(json(patch(conversations() + "/messages/" + hello.id().value()).with(as(carol)), postJson("changed")))
                .andExpect(problem(428, "precondition-required"));

        assertThat(kit.conversations().findMessage(admin, workspace.id(), hello.id())).contains(hello);
    }

    @Test
    void editingAStaleVersionIs412AndChangesNothing() throws Exception {
        Message hello = posted(carol, general(), NewMessage.of("hello"));
        Message edited = kit.conversations().edit(carol, workspace.id(), hello.id(), "hello!", 0);

        mvc.perform(json(patch(conversations() + "/messages/" + hello.id().value()).with(as(carol))
                        .header(HttpHeaders.IF_MATCH, "\"0\""), postJson("stale")))
                .andExpect(problem(412, "conflict"))
                .andExpect(jsonPath("$.reason").value("STALE_VERSION"));

        assertThat(kit.conversations().findMessage(admin, workspace.id(), hello.id())).contains(edited);
    }

    @Test
    void editingSomeoneElsesMessageIs403() throws Exception {
        Message hello = posted(carol, general(), NewMessage.of("hello"));

        mvc.perform(json(patch(conversations() + "/messages/" + hello.id().value()).with(as(bob))
                        .header(HttpHeaders.IF_MATCH, "\"0\""), postJson("mine now")))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void deletingLeavesATombstone() throws Exception {
        Message hello = posted(carol, general(), NewMessage.of("hello"));

        mvc.perform(delete(conversations() + "/messages/" + hello.id().value()).with(as(carol))
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.deleted").value(true))
                .andExpect(jsonPath("$.body").value(""))
                .andExpect(jsonPath("$.deletedBy").value(carol.userId().value()));
        mvc.perform(get(conversations() + "/" + hello.conversationId().value() + "/messages").with(as(dave)))
                .andExpect(jsonPath("$.items[0].deleted").value(true));
    }

    @Test
    void deletingADeletedMessageIs409() throws Exception {
        Message hello = posted(carol, general(), NewMessage.of("hello"));
        kit.conversations().delete(carol, workspace.id(), hello.id(), 0);

        mvc.perform(delete(conversations() + "/messages/" + hello.id().value()).with(as(admin))
                        .header(HttpHeaders.IF_MATCH, "\"1\""))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.reason").value("INVALID_STATE"));
    }

    @Test
    void aViewerDeletingSomeoneElsesMessageIs403() throws Exception {
        Message hello = posted(carol, general(), NewMessage.of("hello"));

        mvc.perform(delete(conversations() + "/messages/" + hello.id().value()).with(as(dave))
                        .header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(problem(403, "access-denied"));
    }

    @Test
    void revisionsAre404ForClientsWhetherTheMessageExistsOrNot() throws Exception {
        Message hello = posted(carol, general(), NewMessage.of("hello"));
        kit.conversations().edit(carol, workspace.id(), hello.id(), "hello!", 0);

        String existing = body(get(conversations() + "/messages/" + hello.id().value() + "/revisions").with(as(carol)));
        String unknown = body(get(conversations() + "/messages/" + "m-unknown" + "/revisions").with(as(carol)));
        mvc.perform(get(conversations() + "/messages/" + hello.id().value() + "/revisions").with(as(carol)))
                .andExpect(problem(404, "not-found"));
        assertThat(existing.replace(hello.id().value(), "ID")).isEqualTo(unknown.replace("m-unknown", "ID"));
    }

    // ------------------------------------------------------------------------------------------ read state

    @Test
    void markingReadMovesTheMarkerAndTheUnreadCounts() throws Exception {
        Conversation general = general();
        Message one = posted(bob, general, NewMessage.of("one"));
        posted(bob, general, NewMessage.of("two"));
        String url = conversations() + "/" + general.id().value();

        mvc.perform(get(url + "/unread").with(as(carol))).andExpect(jsonPath("$.unread").value(2));
        mvc.perform(json(post(url + "/read").with(as(carol)), """
                        {"messageId": "%s"}""".formatted(one.id().value())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastRead").value(one.id().value()))
                .andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get(conversations() + "/unread").with(as(carol)))
                .andExpect(jsonPath("$.workspaceId").value(workspace.id().value()))
                .andExpect(jsonPath("$.unread").value(1));
    }

    @Test
    void unreadCountsIgnoreInternalNotesForClients() throws Exception {
        Conversation general = general();
        posted(bob, general, NewMessage.of("visible"));
        posted(bob, general, NewMessage.note("internal"));

        mvc.perform(get(conversations() + "/unread").with(as(carol))).andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get(conversations() + "/unread").with(as(admin))).andExpect(jsonPath("$.unread").value(2));
    }

    @Test
    void unreadAcrossWorkspacesCountsEveryWorkspaceOfTheCaller() throws Exception {
        Workspace other = workspace(admin);
        kit.members().add(admin, other.id(), carol.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        posted(bob, general(), NewMessage.of("here"));
        kit.conversations().post(admin, other.id(), kit.conversations().general(admin, other.id()).id(),
                NewMessage.of("there"));
        kit.conversations().post(admin, other.id(), kit.conversations().general(admin, other.id()).id(),
                NewMessage.of("and there"));

        mvc.perform(get("/api/me/unread").with(as(carol)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.workspaces", hasSize(2)))
                .andExpect(jsonPath("$.workspaces[?(@.workspaceId == '" + other.id().value() + "')].unread",
                        contains(2)));
    }

    @Test
    void markingANoteReadIs404ForAClient() throws Exception {
        Conversation general = general();
        Message note = posted(bob, general, NewMessage.note("internal"));

        mvc.perform(json(post(conversations() + "/" + general.id().value() + "/read").with(as(carol)), """
                        {"messageId": "%s"}""".formatted(note.id().value())))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void anotherTenantsConversationIs404() throws Exception {
        OtherTenant other = otherTenant();
        ConversationId theirs = kit.conversations().general(other.admin(), other.workspace().id()).id();

        mvc.perform(get(conversations() + "/" + theirs.value()).with(as(admin)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get(base(other.workspace()) + "/conversations").with(as(admin)))
                .andExpect(problem(404, "not-found"));
    }
}
