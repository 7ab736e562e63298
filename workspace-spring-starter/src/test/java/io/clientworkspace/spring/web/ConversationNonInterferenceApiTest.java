package io.clientworkspace.spring.web;

import com.jayway.jsonpath.JsonPath;
import io.clientworkspace.Actor;
import io.clientworkspace.ConversationId;
import io.clientworkspace.MessageId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.FileAsset;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.message.ItemType;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.tck.Transcript;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.clientworkspace.tck.SampleFiles.pdf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * Non-interference of conversations through the REST API: two workspaces built by the same script, one with internal
 * notes and internal conversations interleaved (notes before, between and after client messages, an internal topic,
 * an internal file's conversation, a note mentioning the team, an edited and a deleted note, notes as the newest
 * messages), then every conversation endpoint a client can call asked by a client admin and a client viewer: lists
 * and their pages and cursors, General, conversations and messages by id, message pages, polling, unread counts (per
 * conversation, workspace and across workspaces), read markers, revisions, posts, edits and deletes, the ids of the
 * internal items (against as many ids that exist nowhere), and the client's live-update stream. Both transcripts
 * (status, every header, the body; ids, cursors, timestamps and user ids numbered by first appearance) must be equal.
 */
class ConversationNonInterferenceApiTest extends FileApiTestSupport {

    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_PAGES = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** One world: its workspace, its people, what a client may see, and the internal items (mixed world only). */
    private final class World {
        final Transcript transcript = Transcript.matchingIds(UUIDS).normalisingTimestamps();
        final Workspace workspace = workspace(admin);
        final Actor tom = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);
        final Actor client;
        final Actor viewer;
        final List<ConversationId> conversations = new ArrayList<>();
        final List<MessageId> messages = new ArrayList<>();
        final List<String> hiddenConversations = new ArrayList<>();
        final List<String> hiddenFiles = new ArrayList<>();
        MvcResult clientStream;
        MessageId question;

        World() {
            kit.members().add(admin, workspace.id(), tom.userId(), WorkspaceRole.MEMBER);
            client = clientMember(workspace, admin, WorkspaceRole.CLIENT_CONTRIBUTOR);
            viewer = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
            transcript.alias(admin.userId().value(), "admin");
            transcript.alias(tom.userId().value(), "tom");
            transcript.alias(client.userId().value(), "client");
            transcript.alias(viewer.userId().value(), "viewer");
        }

        WorkspaceId ws() {
            return workspace.id();
        }

        String base() {
            return "/api/workspaces/" + workspace.id().value() + "/conversations";
        }

        Message post(Actor author, ConversationId in, NewMessage message) {
            Message posted = kit.conversations().post(author, ws(), in, message);
            (posted.visibility() == Visibility.TEAM ? hiddenMessagesIds : messages).add(posted.id());
            return posted;
        }

        final List<MessageId> hiddenMessagesIds = new ArrayList<>();
    }

    @Test
    void everyConversationAnswerToAClientIsTheSameWhetherOrNotInternalNotesAndConversationsExist() throws Exception {
        World plain = build(false);
        World mixed = build(true);
        List<String> freshConversations = fresh(mixed.hiddenConversations.size());
        List<String> freshMessages = fresh(mixed.hiddenMessagesIds.size());
        List<String> freshFiles = fresh(mixed.hiddenFiles.size());
        for (World w : List.of(plain, mixed)) {
            boolean isMixed = w == mixed;
            for (Actor actor : List.of(w.client, w.viewer)) {
                askEverything(w, actor);
                askAbout(w, actor, isMixed ? w.hiddenConversations : freshConversations,
                        isMixed ? w.hiddenMessagesIds.stream().map(MessageId::value).toList() : freshMessages,
                        isMixed ? w.hiddenFiles : freshFiles);
            }
            changeEverything(w);
            for (Actor actor : List.of(w.client, w.viewer)) {
                askEverything(w, actor);
            }
            Message last = kit.conversations().post(admin, w.ws(), w.conversations.get(0), NewMessage.of("the end"));
            awaitReceived(w.clientStream, last.id().value());
            // Only the events: heartbeat comments are sent by the clock, not by anything in the workspace.
            w.transcript.write("live updates of the client", w.clientStream.getResponse().getContentAsString()
                    .lines().filter(line -> !line.isEmpty() && !line.startsWith(":")).collect(java.util.stream.Collectors.joining("\n")));
        }
        Transcript.assertSameAnswers("conversations over REST", plain.transcript, mixed.transcript);
    }

    private World build(boolean internal) throws Exception {
        World w = new World();
        var c = kit.conversations();
        w.clientStream = mvc.perform(get(w.base() + "/events").with(as(w.client)))
                .andExpect(request().asyncStarted()).andReturn();
        if (internal) {
            // The team uses General first, with a note, and has an internal topic before any client looks.
            w.post(w.tom, c.general(w.tom, w.ws()).id(), NewMessage.note("first look"));
            Conversation margins = c.startTopic(w.tom, w.ws(), "Margins", Visibility.TEAM);
            w.hiddenConversations.add(margins.id().value());
            w.post(w.tom, margins.id(), NewMessage.of("30% is fine"));
        }
        ConversationId general = c.general(admin, w.ws()).id();
        w.conversations.add(general);
        Conversation launch = c.startTopic(admin, w.ws(), "Launch", Visibility.CLIENT);
        w.conversations.add(launch.id());
        w.post(admin, general, NewMessage.of("hello"));
        if (internal) {
            w.post(w.tom, general, NewMessage.note("they will ask for a discount"));
            w.post(w.tom, launch.id(), new NewMessage("ping", Visibility.TEAM, List.of(), List.of(admin.userId())));
        }
        Message question = w.post(w.client, general, NewMessage.of("when is launch?"));
        w.question = question.id();
        if (internal) {
            Message note = w.post(admin, launch.id(), NewMessage.note("draft"));
            c.edit(admin, w.ws(), note.id(), "draft 2", note.version());
            Message gone = w.post(admin, general, NewMessage.note("stall"));
            c.delete(admin, w.ws(), gone.id(), gone.version());
            FileAsset plan = internalFile(admin, w.workspace, "plan.pdf", pdf("plan"));
            w.hiddenFiles.add(plan.id().value());
            Conversation planTalk = c.forItem(w.tom, w.ws(), new ItemRef(ItemType.FILE, plan.id().value()));
            w.hiddenConversations.add(planTalk.id().value());
            w.post(w.tom, planTalk.id(), NewMessage.of("numbers inside"));
        }
        w.post(admin, launch.id(), new NewMessage("launch on Monday", Visibility.CLIENT, List.of(),
                List.of(w.client.userId())));
        FileAsset brief = file(admin, w.workspace, "brief.pdf", pdf("brief"));
        Conversation briefTalk = c.forItem(w.client, w.ws(), new ItemRef(ItemType.FILE, brief.id().value()));
        w.conversations.add(briefTalk.id());
        w.post(w.client, briefTalk.id(), NewMessage.of("see page 2"));
        Message edited = w.post(w.client, general, NewMessage.of("thanks"));
        c.edit(w.client, w.ws(), edited.id(), "thanks!", edited.version());
        if (internal) {
            // The newest messages are internal: a client must still see the last client-visible times.
            w.post(w.tom, general, NewMessage.note("after the client"));
            w.post(w.tom, launch.id(), NewMessage.note("after the client"));
            w.post(w.tom, briefTalk.id(), NewMessage.note("after the client"));
        }
        return w;
    }

    private static List<String> fresh(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    private void askEverything(World w, Actor actor) throws Exception {
        String base = w.base();
        pages(w, actor, base, 1);
        ask(w, actor, get(base + "/general"));
        ask(w, actor, get(base + "/unread"));
        ask(w, actor, get("/api/me/unread"));
        for (ConversationId id : w.conversations) {
            String c = base + "/" + id.value();
            ask(w, actor, get(c));
            ask(w, actor, get(c + "/unread"));
            pages(w, actor, c + "/messages", 1);
            ask(w, actor, get(c + "/messages?since="));
            ask(w, actor, get(c + "/messages?since=&limit=1"));
        }
        for (MessageId id : w.messages) {
            ask(w, actor, get(base + "/messages/" + id.value()));
            ask(w, actor, get(base + "/messages/" + id.value() + "/revisions"));
            ask(w, actor, get(base + "/" + w.conversations.get(0).value() + "/messages?since=" + id.value()));
        }
    }

    private void askAbout(World w, Actor actor, List<String> conversations, List<String> messages, List<String> files)
            throws Exception {
        String base = w.base();
        for (String id : conversations) {
            ask(w, actor, get(base + "/" + id));
            ask(w, actor, get(base + "/" + id + "/messages"));
            ask(w, actor, get(base + "/" + id + "/messages?since="));
            ask(w, actor, get(base + "/" + id + "/unread"));
            ask(w, actor, json(post(base + "/" + id + "/messages"), "{\"body\": \"hi\"}"));
            ask(w, actor, json(post(base + "/" + id + "/read"), "{\"messageId\": \"" + w.question.value() + "\"}"));
            ask(w, actor, get(base + "/events?conversation=" + id));
        }
        for (String id : messages) {
            ask(w, actor, get(base + "/messages/" + id));
            ask(w, actor, get(base + "/messages/" + id + "/revisions"));
            ask(w, actor, json(patch(base + "/messages/" + id), "{\"body\": \"mine\"}").header(HttpHeaders.IF_MATCH, "\"0\""));
            ask(w, actor, delete(base + "/messages/" + id).header(HttpHeaders.IF_MATCH, "\"0\""));
            ask(w, actor, json(post(base + "/" + w.conversations.get(0).value() + "/read"),
                    "{\"messageId\": \"" + id + "\"}"));
        }
        for (String id : files) {
            ask(w, actor, get(base + "/items/file/" + id));
            ask(w, actor, post(base + "/items/file/" + id));
        }
    }

    private void changeEverything(World w) throws Exception {
        String base = w.base();
        String general = base + "/" + w.conversations.get(0).value();
        MockHttpServletResponse posted = ask(w, w.client, json(post(general + "/messages"),
                "{\"body\": \"one more thing\", \"mentions\": [\"" + w.viewer.userId().value() + "\"]}"));
        String id = JsonPath.read(posted.getContentAsString(), "$.id");
        ask(w, w.client, json(patch(base + "/messages/" + id), "{\"body\": \"one more thing!\"}")
                .header(HttpHeaders.IF_MATCH, "\"0\""));
        ask(w, w.client, json(post(general + "/read"), "{\"messageId\": \"" + id + "\"}"));
        ask(w, w.viewer, json(post(general + "/read"), "{\"messageId\": \"" + w.question.value() + "\"}"));
        ask(w, w.client, json(post(base), "{\"title\": \"Questions\"}"));
        ask(w, w.client, json(post(base), "{\"title\": \"Secrets\", \"visibility\": \"TEAM\"}"));
        ask(w, w.client, json(post(general + "/messages"), "{\"body\": \"psst\", \"visibility\": \"TEAM\"}"));
        ask(w, w.client, json(post(general + "/messages"), "{\"body\": \"hey\", \"mentions\": [\""
                + w.tom.userId().value() + "\"]}"));
        ask(w, w.client, delete(base + "/messages/" + id).header(HttpHeaders.IF_MATCH, "\"1\""));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType("application/json").content(body);
    }

    private static void awaitReceived(MvcResult stream, String text) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!stream.getResponse().getContentAsString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not received within " + PATIENCE + ": " + text);
            }
            Thread.sleep(10);
        }
    }

    /** Walks a list through all its pages by its nextCursor. */
    private void pages(World w, Actor actor, String path, int limit) throws Exception {
        String separator = path.contains("?") ? "&" : "?";
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String url = path + separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            MockHttpServletResponse response = ask(w, actor, get(url), cursor);
            if (response.getStatus() != 200) {
                return;
            }
            cursor = JsonPath.read(response.getContentAsString(), "$.nextCursor");
            if (cursor == null) {
                return;
            }
        }
        throw new AssertionError(path + " did not end within " + MAX_PAGES + " pages");
    }

    private MockHttpServletResponse ask(World w, Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return ask(w, actor, request, null);
    }

    /** Performs the request as the actor and writes status, headers and body (cursors tokenised) to the transcript. */
    private MockHttpServletResponse ask(World w, Actor actor, MockHttpServletRequestBuilder request, String sentCursor)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(as(actor))).andReturn().getResponse();
        jakarta.servlet.http.HttpServletRequest sent = request.buildRequest(new org.springframework.mock.web.MockServletContext());
        String query = sent.getQueryString();
        String label = "as " + actor.userId() + ": " + sent.getMethod() + " " + sent.getRequestURI()
                + (query == null ? "" : "?" + query);
        if (sentCursor != null) {
            label = label.replace(sentCursor, w.transcript.token("cursor", sentCursor));
        }
        StringBuilder answer = new StringBuilder().append(response.getStatus());
        for (String name : new TreeSet<>(response.getHeaderNames())) {
            answer.append(' ').append(name).append('=').append(response.getHeaders(name));
        }
        String body = response.getContentAsString();
        if (body.contains("\"nextCursor\"")) {
            String next = JsonPath.read(body, "$.nextCursor");
            if (next != null) {
                body = body.replace(next, w.transcript.token("cursor", next));
            }
        }
        w.transcript.write(label, answer + " " + body);
        return response;
    }
}
