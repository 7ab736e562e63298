package io.clientworkspace.spring.web;

import io.clientworkspace.Actor;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * Live updates of conversations (server-sent events): what each subscriber receives after commit, and that a client
 * never receives anything about internal notes or internal conversations.
 *
 * <p>Each subscriber's events are sent in commit order from its own outbox, one at a time, so once a subscriber has
 * received the event of the last change, it has been sent (or not) everything before it: the tests wait for that last
 * event (never for a time) and then assert on the whole stream.
 */
class ConversationLiveUpdatesApiTest extends ApiTestSupport {

    private static final Pattern DATA = Pattern.compile("(?m)^data:(.*)$");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ConversationLiveUpdates updates;

    private Workspace workspace;
    private Actor bob;
    private Actor carol;
    private Actor dave;
    private Conversation general;

    @BeforeEach
    void workspaceWithATeamMemberAClientAndAViewer() {
        workspace = workspace(admin);
        bob = teamUser(tenant, admin, TenantRole.TEAM_MEMBER);
        kit.members().add(admin, workspace.id(), bob.userId(), WorkspaceRole.MEMBER);
        carol = clientMember(workspace, admin, WorkspaceRole.CLIENT_ADMIN);
        dave = clientMember(workspace, admin, WorkspaceRole.CLIENT_VIEWER);
        general = kit.conversations().general(admin, workspace.id());
    }

    private String events() {
        return "/api/workspaces/" + workspace.id().value() + "/conversations/events";
    }

    private MvcResult subscribe(Actor actor, String query) throws Exception {
        return mvc.perform(get(events() + query).with(as(actor))).andExpect(request().asyncStarted()).andReturn();
    }

    /** The data lines received so far, in order. */
    private static List<String> data(MvcResult stream) throws Exception {
        Matcher m = DATA.matcher(stream.getResponse().getContentAsString());
        List<String> lines = new java.util.ArrayList<>();
        while (m.find()) {
            lines.add(m.group(1));
        }
        return lines;
    }

    /** Waits until the stream holds {@code text} (the event of the last change the test made). */
    private static void awaitReceived(MvcResult stream, String text) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!stream.getResponse().getContentAsString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not received within " + PATIENCE + ": " + text + "\nstream so far:\n"
                        + stream.getResponse().getContentAsString());
            }
            Thread.sleep(10);
        }
    }

    private static String event(Conversation c, Message m, String kind) {
        return "{\"workspaceId\":\"" + m.workspaceId().value() + "\",\"conversationId\":\"" + c.id().value()
                + "\",\"messageId\":\"" + m.id().value() + "\",\"kind\":\"" + kind + "\"}";
    }

    private Message post(Actor author, Conversation in, NewMessage message) {
        return kit.conversations().post(author, workspace.id(), in.id(), message);
    }

    @Test
    void aClientSubscriberGetsNothingWhileTheTeamPostsInternalNotesAndTheEventOfAClientVisibleMessage() throws Exception {
        MvcResult carolsStream = subscribe(carol, "");
        MvcResult bobsStream = subscribe(bob, "");

        Message note = post(bob, general, NewMessage.note("they will ask for a discount"));
        kit.conversations().edit(bob, workspace.id(), note.id(), "they will surely ask", note.version());
        Message second = post(admin, general, new NewMessage("agreed", Visibility.TEAM, List.of(), List.of(bob.userId())));
        kit.conversations().delete(admin, workspace.id(), second.id(), second.version());
        Conversation margins = kit.conversations().startTopic(bob, workspace.id(), "Margins", Visibility.TEAM);
        post(bob, margins, NewMessage.of("30% is fine"));
        Message hello = post(bob, general, NewMessage.of("hello Carol"));

        awaitReceived(carolsStream, hello.id().value());
        assertThat(data(carolsStream)).containsExactly(event(general, hello, "posted"));
        assertThat(carolsStream.getResponse().getContentAsString())
                .doesNotContain(note.id().value(), second.id().value(), margins.id().value(), "discount");
        awaitReceived(bobsStream, hello.id().value());
        assertThat(data(bobsStream)).contains(event(general, note, "posted"), event(general, note, "edited"),
                event(general, second, "posted"), event(general, second, "mentioned"),
                event(general, second, "deleted"), event(general, hello, "posted"));
    }

    @Test
    void eventsCarryNoMessageBody() throws Exception {
        MvcResult stream = subscribe(dave, "");

        Message hello = post(carol, general, NewMessage.of("a secret launch date"));

        awaitReceived(stream, hello.id().value());
        assertThat(stream.getResponse().getContentAsString()).doesNotContain("secret").contains("event:conversation");
    }

    @Test
    void editsAndDeletesOfClientVisibleMessagesReachClients() throws Exception {
        MvcResult stream = subscribe(dave, "");

        Message hello = post(carol, general, NewMessage.of("helo"));
        Message edited = kit.conversations().edit(carol, workspace.id(), hello.id(), "hello", hello.version());
        kit.conversations().delete(carol, workspace.id(), hello.id(), edited.version());
        Message last = post(carol, general, NewMessage.of("bye"));

        awaitReceived(stream, last.id().value());
        assertThat(data(stream)).containsExactly(event(general, hello, "posted"), event(general, hello, "edited"),
                event(general, hello, "deleted"), event(general, last, "posted"));
    }

    @Test
    void aMentionIsSentToTheMentionedMemberOnly() throws Exception {
        MvcResult carolsStream = subscribe(carol, "");
        MvcResult davesStream = subscribe(dave, "");

        Message hello = post(bob, general, new NewMessage("Carol, look", Visibility.CLIENT, List.of(),
                List.of(carol.userId())));
        Message last = post(bob, general, NewMessage.of("done"));

        awaitReceived(carolsStream, last.id().value());
        awaitReceived(davesStream, last.id().value());
        assertThat(data(carolsStream)).containsExactly(event(general, hello, "posted"),
                event(general, hello, "mentioned"), event(general, last, "posted"));
        assertThat(data(davesStream)).containsExactly(event(general, hello, "posted"), event(general, last, "posted"));
    }

    @Test
    void aSubscriptionToOneConversationGetsOnlyItsEvents() throws Exception {
        Conversation launch = kit.conversations().startTopic(bob, workspace.id(), "Launch", Visibility.CLIENT);
        MvcResult stream = subscribe(carol, "?conversation=" + launch.id().value());

        post(bob, general, NewMessage.of("elsewhere"));
        Message here = post(bob, launch, NewMessage.of("here"));

        awaitReceived(stream, here.id().value());
        assertThat(data(stream)).containsExactly(event(launch, here, "posted"));
    }

    @Test
    void aClientSeesATopicStartedForClientsButNotGeneralsNorAnInternalOnesStart() throws Exception {
        MvcResult stream = subscribe(carol, "");

        kit.conversations().startTopic(bob, workspace.id(), "Margins", Visibility.TEAM);
        Conversation launch = kit.conversations().startTopic(bob, workspace.id(), "Launch", Visibility.CLIENT);
        Message here = post(bob, launch, NewMessage.of("here"));

        awaitReceived(stream, here.id().value());
        List<String> received = data(stream);
        assertThat(received).hasSize(2).endsWith(event(launch, here, "posted"));
        assertThat(received.get(0)).contains("\"conversationId\":\"" + launch.id().value() + "\"",
                "\"kind\":\"started\"").doesNotContain("\"messageId\":\"");
    }

    @Test
    void subscribingToAnInternalConversationIs404ForAClientLikeAnUnknownOne() throws Exception {
        Conversation margins = kit.conversations().startTopic(bob, workspace.id(), "Margins", Visibility.TEAM);

        mvc.perform(get(events() + "?conversation=" + margins.id().value()).with(as(carol)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get(events() + "?conversation=" + margins.id().value()).with(as(bob)))
                .andExpect(request().asyncStarted());
    }

    @Test
    void subscribingToAWorkspaceTheCallerMayNotSeeIs404() throws Exception {
        OtherTenant other = otherTenant();

        mvc.perform(get("/api/workspaces/" + other.workspace().id().value() + "/conversations/events").with(as(carol)))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aSixthSubscriptionOfOneUserEndsItsOldest() throws Exception {
        int before = updates.subscriptions();
        MvcResult oldest = subscribe(dave, "");
        for (int i = 0; i < 5; i++) {
            subscribe(dave, "");
        }

        assertThat(updates.subscriptions()).isEqualTo(before + 5);
        Message hello = post(carol, general, NewMessage.of("hello"));
        MvcResult newest = subscribe(dave, "");
        Message bye = post(carol, general, NewMessage.of("bye"));
        awaitReceived(newest, bye.id().value());
        assertThat(oldest.getResponse().getContentAsString()).doesNotContain(hello.id().value(), bye.id().value());
    }

    @Test
    void aMemberRemovedWhileSubscribedReceivesNothingMore() throws Exception {
        MvcResult stream = subscribe(dave, "");
        MvcResult control = subscribe(carol, "");
        kit.members().remove(admin, workspace.id(), dave.userId());

        Message hello = post(bob, general, NewMessage.of("hello"));

        awaitReceived(control, hello.id().value());
        assertThat(data(stream)).isEmpty();
    }
}
