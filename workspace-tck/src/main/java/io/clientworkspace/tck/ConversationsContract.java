package io.clientworkspace.tck;

import io.clientworkspace.AccessDeniedException;
import io.clientworkspace.Actor;
import io.clientworkspace.ArchivedException;
import io.clientworkspace.ConversationId;
import io.clientworkspace.FieldError;
import io.clientworkspace.FileId;
import io.clientworkspace.IdGenerator;
import io.clientworkspace.MessageId;
import io.clientworkspace.NotFoundException;
import io.clientworkspace.PageRequest;
import io.clientworkspace.RequestId;
import io.clientworkspace.UserId;
import io.clientworkspace.ValidationException;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.activity.ActivityEntry;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.file.NewUpload;
import io.clientworkspace.member.WorkspaceRole;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ConversationKind;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.message.ItemType;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.NewMessage;
import io.clientworkspace.request.AnswerValue;
import io.clientworkspace.request.ClientRequest;
import io.clientworkspace.request.FormAnswers;
import io.clientworkspace.request.FormAssignment;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.InboxFilter;
import io.clientworkspace.request.NewForm;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.RequestStatus;
import io.clientworkspace.tenant.TenantRole;
import io.clientworkspace.workspace.NewWorkspace;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The conversations feature through {@link WorkspaceKit#conversations()} on the stores under test:
 * permissions, internal notes, edits and deletes, paging, read markers and unread counts, hostile input, and
 * non-interference (a client's answers are the same whether or not internal notes and conversations exist).
 * Extend it and implement {@link #createStores()}.
 */
public abstract class ConversationsContract extends StoreContractSupport {

    private static final Pattern IDS = Pattern.compile("cid[A-Z]\\d{9}");

    /**
     * A clock that moves by one second per call, so that every change has its own instant, until the test pins
     * it to an instant with {@link #pin}.
     */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2031-03-01T09:00:00Z");
        private boolean pinned;

        synchronized void pin(Instant at) {
            now = at;
            pinned = true;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            if (!pinned) {
                now = now.plusSeconds(1);
            }
            return now;
        }
    }

    /** One tenant's workspace with a lead, a team member, a client contributor and a client viewer. */
    private record World(WorkspaceKit kit, TickingClock clock, Workspace ws, Actor lead, Actor tom, Actor client,
                         Actor viewer) {

        /** Pins the clock to the {@code step}-th second after the start. */
        void step(int step) {
            clock.pin(Instant.parse("2031-03-01T09:00:00Z").plusSeconds(step));
        }
    }

    private World w;

    private World world(String prefix) {
        return world(prefix, new TickingClock());
    }

    private World world(String prefix, TickingClock clock) {
        AtomicLong counter = new AtomicLong();
        return world(prefix, clock, () -> String.format("cid%s%09d", prefix, counter.incrementAndGet()));
    }

    private World world(String prefix, TickingClock clock, IdGenerator ids) {
        WorkspaceKit kit = WorkspaceKit.builder().stores(stores()).clock(clock).idGenerator(ids)
                .cacheTicker(() -> 0L).userDirectory((tenant, user) -> true).build();
        var tenant = kit.tenants().create("Agency " + prefix, UserId.of("lead" + prefix)).id();
        Actor lead = Actor.team(tenant, "lead" + prefix);
        Workspace ws = kit.workspaces().create(lead, NewWorkspace.of("Acme", "acme"));
        kit.tenants().addTeamMember(lead, UserId.of("tom" + prefix), TenantRole.TEAM_MEMBER);
        Actor tom = Actor.team(tenant, "tom" + prefix);
        Actor client = Actor.client(tenant, "client" + prefix);
        Actor viewer = Actor.client(tenant, "viewer" + prefix);
        kit.members().add(lead, ws.id(), tom.userId(), WorkspaceRole.MEMBER);
        kit.members().add(lead, ws.id(), client.userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        kit.members().add(lead, ws.id(), viewer.userId(), WorkspaceRole.CLIENT_VIEWER);
        return new World(kit, clock, ws, lead, tom, client, viewer);
    }

    @BeforeEach
    final void buildWorld() {
        w = world("A");
    }

    private Conversation general() {
        return w.kit().conversations().general(w.lead(), w.ws().id());
    }

    private Conversation teamTopic() {
        return w.kit().conversations().startTopic(w.lead(), w.ws().id(), "Pricing (internal)", Visibility.TEAM);
    }

    private Message post(Actor actor, ConversationId conversation, NewMessage message) {
        return w.kit().conversations().post(actor, w.ws().id(), conversation, message);
    }

    private Message post(Actor actor, ConversationId conversation, String body) {
        return post(actor, conversation, NewMessage.of(body));
    }

    private List<Message> messages(Actor actor, ConversationId conversation) {
        return w.kit().conversations().messages(actor, w.ws().id(), conversation, PageRequest.first(500)).items();
    }

    private FileId upload(Actor actor, NewUpload upload) {
        return w.kit().files().upload(actor, w.ws().id(), upload,
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8))).id();
    }

    private static List<String> fields(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ValidationException.class);
        return ((ValidationException) thrown).fieldErrors().stream().map(FieldError::field).toList();
    }

    // ------------------------------------------------------------------------------------------ conversations

    @Test
    void theGeneralConversationIsCreatedOnceOnFirstUse() {
        Conversation first = w.kit().conversations().general(w.client(), w.ws().id());
        Conversation second = general();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(first.kind()).isEqualTo(ConversationKind.GENERAL);
        assertThat(first.title()).isEqualTo("General");
        assertThat(first.visibility()).isEqualTo(Visibility.CLIENT);
        assertThat(first.createdAt()).isEqualTo(w.ws().createdAt());
    }

    @Test
    void listingCreatesTheGeneralConversationAndShowsItToClients() {
        assertThat(w.kit().conversations().list(w.viewer(), w.ws().id(), PageRequest.first()).items())
                .extracting(Conversation::kind).containsExactly(ConversationKind.GENERAL);
    }

    @Test
    void aTopicNeedsATitleOfAtMostTwoHundredCharacters() {
        assertThat(fields(catchThrowable(() -> w.kit().conversations().startTopic(w.lead(), w.ws().id(), "x".repeat(201),
                Visibility.CLIENT)))).containsExactly("title");
        assertThat(fields(catchThrowable(() -> w.kit().conversations().startTopic(w.lead(), w.ws().id(), "  ",
                Visibility.CLIENT)))).containsExactly("title");
    }

    @Test
    void aClientCannotStartAnInternalTopic() {
        assertThatThrownBy(() -> w.kit().conversations().startTopic(w.client(), w.ws().id(), "Secret", Visibility.TEAM))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aClientReadingAnInternalConversationByIdGetsNotFound() {
        Conversation internal = teamTopic();

        assertThatThrownBy(() -> w.kit().conversations().get(w.client(), w.ws().id(), internal.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages(w.client(), internal.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> post(w.client(), internal.id(), "hi")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void clientsDoNotSeeInternalConversationsInTheList() {
        teamTopic();
        Conversation open = w.kit().conversations().startTopic(w.lead(), w.ws().id(), "Launch", Visibility.CLIENT);

        assertThat(w.kit().conversations().list(w.client(), w.ws().id(), PageRequest.first()).items())
                .extracting(Conversation::id).containsExactlyInAnyOrder(open.id(), general().id());
        assertThat(w.kit().conversations().list(w.lead(), w.ws().id(), PageRequest.first()).items()).hasSize(3);
    }

    @Test
    void theListShowsTheMostRecentlyActiveConversationFirstAndPagesWithoutGapsOrRepeats() {
        List<Conversation> topics = IntStream.range(0, 5).mapToObj(i -> w.kit().conversations()
                .startTopic(w.lead(), w.ws().id(), "Topic " + i, Visibility.CLIENT)).toList();
        post(w.client(), topics.get(1).id(), "bump");
        List<ConversationId> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(2);
        while (true) {
            var p = w.kit().conversations().list(w.client(), w.ws().id(), page);
            p.items().forEach(c -> seen.add(c.id()));
            if (p.nextCursor().isEmpty()) {
                break;
            }
            page = PageRequest.after(p.nextCursor().get(), 2);
        }

        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo(topics.get(1).id());
        assertThat(seen.get(1)).isEqualTo(topics.get(4).id());
    }

    @Test
    void anItemConversationIsCreatedOncePerItem() {
        FileId file = upload(w.lead(), NewUpload.of("brief.txt", "text/plain"));
        ItemRef item = new ItemRef(ItemType.FILE, file.value());

        Conversation first = w.kit().conversations().forItem(w.client(), w.ws().id(), item);
        Conversation again = w.kit().conversations().forItem(w.lead(), w.ws().id(), item);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.item()).contains(item);
        assertThat(first.visibility()).isEqualTo(Visibility.CLIENT);
    }

    @Test
    void aClientAskingForTheConversationOfAnInternalFileGetsNotFound() {
        FileId internal = upload(w.lead(), NewUpload.of("costs.txt", "text/plain").internal());
        Conversation teamOnly = w.kit().conversations().forItem(w.lead(), w.ws().id(),
                new ItemRef(ItemType.FILE, internal.value()));

        assertThat(teamOnly.visibility()).isEqualTo(Visibility.TEAM);
        assertThatThrownBy(() -> w.kit().conversations().forItem(w.client(), w.ws().id(),
                new ItemRef(ItemType.FILE, internal.value()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void withdrawingAFileHidesItsConversationAndItsMessagesFromClients() {
        FileId file = upload(w.lead(), NewUpload.of("brief.txt", "text/plain"));
        Conversation about = w.kit().conversations().forItem(w.client(), w.ws().id(), new ItemRef(ItemType.FILE, file.value()));
        Message m = post(w.lead(), about.id(), "what do you think?");
        long version = w.kit().files().get(w.lead(), w.ws().id(), file).version();

        w.kit().files().changeVisibility(w.lead(), w.ws().id(), file, Visibility.TEAM, version);

        assertThat(w.kit().conversations().find(w.client(), w.ws().id(), about.id())).isEmpty();
        assertThat(w.kit().conversations().findMessage(w.client(), w.ws().id(), m.id())).isEmpty();
        assertThat(w.kit().conversations().unreadInWorkspace(w.client(), w.ws().id())).isZero();
        assertThat(w.kit().conversations().list(w.client(), w.ws().id(), PageRequest.first()).items())
                .extracting(Conversation::id).doesNotContain(about.id());
        assertThatThrownBy(() -> w.kit().conversations().delete(w.client(), w.ws().id(), m.id(), m.version()))
                .isInstanceOf(NotFoundException.class);
        assertThat(w.kit().conversations().get(w.lead(), w.ws().id(), about.id()).visibility()).isEqualTo(Visibility.TEAM);
    }

    @Test
    void sharingAWithdrawnFileAgainShowsItsConversationAgain() {
        FileId file = upload(w.lead(), NewUpload.of("brief.txt", "text/plain"));
        Conversation about = w.kit().conversations().forItem(w.lead(), w.ws().id(), new ItemRef(ItemType.FILE, file.value()));
        post(w.lead(), about.id(), "hello");
        w.kit().files().changeVisibility(w.lead(), w.ws().id(), file, Visibility.TEAM,
                w.kit().files().get(w.lead(), w.ws().id(), file).version());

        w.kit().files().changeVisibility(w.lead(), w.ws().id(), file, Visibility.CLIENT,
                w.kit().files().get(w.lead(), w.ws().id(), file).version());

        assertThat(w.kit().conversations().get(w.client(), w.ws().id(), about.id()).visibility()).isEqualTo(Visibility.CLIENT);
        assertThat(w.kit().conversations().unread(w.client(), w.ws().id(), about.id())).isEqualTo(1);
    }

    private FileId withdraw(FileId file) {
        w.kit().files().changeVisibility(w.lead(), w.ws().id(), file, Visibility.TEAM,
                w.kit().files().get(w.lead(), w.ws().id(), file).version());
        return file;
    }

    private List<String> clientActivity() {
        return w.kit().activity().feed(w.client(), w.ws().id(), PageRequest.first(500)).items().stream()
                .map(e -> e.action() + " " + e.details()).toList();
    }

    @Test
    void editingAndDeletingInTheConversationOfAWithdrawnFileAddNothingToTheClientsActivity() {
        FileId file = upload(w.lead(), NewUpload.of("brief.txt", "text/plain"));
        Conversation about = w.kit().conversations().forItem(w.client(), w.ws().id(), new ItemRef(ItemType.FILE, file.value()));
        Message mine = post(w.lead(), about.id(), "what do you think?");
        Message theirs = post(w.client(), about.id(), "looks good");
        withdraw(file);
        List<String> before = clientActivity();

        w.kit().conversations().edit(w.lead(), w.ws().id(), mine.id(), "what do you all think?", mine.version());
        w.kit().conversations().delete(w.lead(), w.ws().id(), theirs.id(), theirs.version());

        assertThat(clientActivity()).isEqualTo(before);
        assertThat(w.kit().activity().feed(w.lead(), w.ws().id(), PageRequest.first(500)).items())
                .filteredOn(e -> e.action().equals("message.edited") || e.action().equals("message.deleted"))
                .hasSize(2).allSatisfy(e -> assertThat(e.visibility()).isEqualTo(Visibility.TEAM));
    }

    private Conversation approvalConversation(FileId file) {
        var approval = w.kit().approvals().requestForFile(w.lead(), w.ws().id(), file, 1,
                io.clientworkspace.approval.NewApproval.of("Approve the brief", Set.of(w.client().userId())));
        return w.kit().conversations().forItem(w.client(), w.ws().id(), new ItemRef(ItemType.APPROVAL, approval.id().value()));
    }

    @Test
    void withdrawingAFileHidesTheConversationsOfItsApprovalsFromClientsAsIfTheyNeverExisted() {
        FileId file = upload(w.lead(), NewUpload.of("brief.txt", "text/plain"));
        Conversation about = approvalConversation(file);
        Message m = post(w.client(), about.id(), "one question first");
        ConversationId unknown = ConversationId.of("no-such-conversation");

        withdraw(file);

        assertThat(w.kit().conversations().get(w.lead(), w.ws().id(), about.id()).visibility()).isEqualTo(Visibility.TEAM);
        assertThat(w.kit().conversations().find(w.client(), w.ws().id(), about.id())).isEmpty();
        assertThat(w.kit().conversations().findForItem(w.client(), w.ws().id(), about.item().orElseThrow())).isEmpty();
        assertThat(w.kit().conversations().findMessage(w.client(), w.ws().id(), m.id())).isEmpty();
        assertThat(w.kit().conversations().list(w.client(), w.ws().id(), PageRequest.first()).items())
                .extracting(Conversation::id).doesNotContain(about.id());
        assertThat(w.kit().conversations().unreadInWorkspace(w.client(), w.ws().id())).isZero();
        for (ConversationId id : List.of(about.id(), unknown)) {
            assertThatThrownBy(() -> post(w.client(), id, "still there?")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> w.kit().conversations().messages(w.client(), w.ws().id(), id, PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void sharingAWithdrawnFileAgainShowsTheConversationsOfItsApprovalsAgain() {
        FileId file = upload(w.lead(), NewUpload.of("brief.txt", "text/plain"));
        Conversation about = approvalConversation(file);
        post(w.lead(), about.id(), "please sign off");
        withdraw(file);

        w.kit().files().changeVisibility(w.lead(), w.ws().id(), file, Visibility.CLIENT,
                w.kit().files().get(w.lead(), w.ws().id(), file).version());

        assertThat(w.kit().conversations().get(w.client(), w.ws().id(), about.id()).visibility()).isEqualTo(Visibility.CLIENT);
        assertThat(w.kit().conversations().unread(w.client(), w.ws().id(), about.id())).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ posting

    @Test
    void aPostedMessageKeepsItsTrimmedBodyAuthorAndVisibility() {
        Message m = post(w.client(), general().id(), "  Hello\nteam\t!  ");

        assertThat(m.body()).isEqualTo("Hello\nteam\t!");
        assertThat(m.authorId()).isEqualTo(w.client().userId());
        assertThat(m.visibility()).isEqualTo(Visibility.CLIENT);
        assertThat(m.version()).isZero();
        assertThat(messages(w.lead(), general().id())).extracting(Message::id).containsExactly(m.id());
    }

    @Test
    void anEmptyOrOverlongBodyIsRefused() {
        ConversationId general = general().id();

        assertThat(fields(catchThrowable(() -> post(w.client(), general, " \n\t ")))).containsExactly("body");
        assertThat(fields(catchThrowable(() -> post(w.client(), general, "x".repeat(10_001))))).containsExactly("body");
        assertThat(post(w.client(), general, "x".repeat(10_000)).body()).hasSize(10_000);
    }

    @Test
    void controlCharactersOtherThanNewlineAndTabAreRefused() {
        ConversationId general = general().id();

        assertThat(fields(catchThrowable(() -> post(w.client(), general, "a\u0000b")))).containsExactly("body");
        assertThat(fields(catchThrowable(() -> post(w.client(), general, "a\u001bb")))).containsExactly("body");
    }

    @Test
    void htmlIsKeptAsPlainText() {
        assertThat(post(w.client(), general().id(), "<script>alert(1)</script>").body())
                .isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void aViewerCannotPost() {
        ConversationId general = general().id();

        assertThatThrownBy(() -> post(w.viewer(), general, "hi")).isInstanceOf(AccessDeniedException.class);
        assertThat(messages(w.lead(), general)).isEmpty();
    }

    @Test
    void aClientCannotPostAnInternalNote() {
        ConversationId general = general().id();

        assertThatThrownBy(() -> post(w.client(), general, NewMessage.note("psst")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(messages(w.lead(), general)).isEmpty();
    }

    @Test
    void aMessageInAnInternalConversationIsAlwaysAnInternalNote() {
        Message m = post(w.tom(), teamTopic().id(), "cost is 10k");

        assertThat(m.visibility()).isEqualTo(Visibility.TEAM);
    }

    @Test
    void clientsNeverSeeInternalNotes() {
        ConversationId general = general().id();
        Message open = post(w.lead(), general, "Welcome");
        post(w.lead(), general, NewMessage.note("they are late again"));

        assertThat(messages(w.client(), general)).extracting(Message::id).containsExactly(open.id());
        assertThat(messages(w.lead(), general)).hasSize(2);
    }

    @Test
    void fiftyOneMentionsAreRefused() {
        List<UserId> many = IntStream.range(0, 51).mapToObj(i -> UserId.of("u" + i)).toList();

        assertThat(fields(catchThrowable(() -> post(w.lead(), general().id(),
                new NewMessage("hi", Visibility.CLIENT, List.of(), many))))).containsExactly("mentions");
    }

    @Test
    void mentioningAClientInAnInternalNoteIsRefused() {
        Throwable thrown = catchThrowable(() -> post(w.lead(), general().id(),
                new NewMessage("see this", Visibility.TEAM, List.of(), List.of(w.tom().userId(), w.client().userId()))));

        assertThat(fields(thrown)).containsExactly("mentions[1]");
        assertThat(((ValidationException) thrown).fieldErrors().get(0).message()).isEqualTo("cannot see this conversation");
    }

    @Test
    void mentioningAUserOfAnotherWorkspaceIsRefused() {
        World other = world("B");

        assertThat(fields(catchThrowable(() -> post(w.lead(), general().id(),
                new NewMessage("hi", Visibility.CLIENT, List.of(), List.of(other.client().userId()))))))
                .containsExactly("mentions[0]");
    }

    @Test
    void eachMentionedMemberIsRecordedOnceInTheActivity() {
        Message m = post(w.lead(), general().id(), new NewMessage("hi", Visibility.CLIENT, List.of(),
                List.of(w.client().userId(), w.tom().userId(), w.client().userId())));

        assertThat(m.mentions()).containsExactlyInAnyOrder(w.client().userId(), w.tom().userId());
        List<ActivityEntry> entries = w.kit().activity().feed(w.lead(), w.ws().id(), PageRequest.first(500)).items();
        assertThat(entries).filteredOn(e -> e.action().equals("message.mentioned")).hasSize(2);
        assertThat(entries).filteredOn(e -> e.action().startsWith("message."))
                .allSatisfy(e -> assertThat(e.details().values()).noneMatch(v -> v.contains("hi")));
    }

    @Test
    void aClientCannotAttachAnInternalFile() {
        FileId internal = upload(w.lead(), NewUpload.of("costs.txt", "text/plain").internal());
        FileId open = upload(w.lead(), NewUpload.of("brief.txt", "text/plain"));

        Throwable thrown = catchThrowable(() -> post(w.client(), general().id(),
                new NewMessage("see", Visibility.CLIENT, List.of(open, internal), List.of())));

        assertThat(fields(thrown)).containsExactly("attachments[1]");
        assertThat(((ValidationException) thrown).fieldErrors().get(0).message()).isEqualTo("no such file");
    }

    @Test
    void anInternalFileCannotBeAttachedToAClientVisibleMessageEvenByTheTeam() {
        FileId internal = upload(w.lead(), NewUpload.of("costs.txt", "text/plain").internal());

        assertThat(fields(catchThrowable(() -> post(w.lead(), general().id(),
                new NewMessage("see", Visibility.CLIENT, List.of(internal), List.of()))))).containsExactly("attachments[0]");
        assertThat(post(w.lead(), general().id(), new NewMessage("see", Visibility.TEAM, List.of(internal), List.of()))
                .attachments()).containsExactly(internal);
    }

    @Test
    void twentyOneAttachmentsAreRefused() {
        List<FileId> many = IntStream.range(0, 21).mapToObj(i -> FileId.of("f" + i)).toList();

        assertThat(fields(catchThrowable(() -> post(w.lead(), general().id(),
                new NewMessage("hi", Visibility.CLIENT, many, List.of()))))).containsExactly("attachments");
    }

    @Test
    void anArchivedWorkspaceIsReadOnly() {
        ConversationId general = general().id();
        Workspace current = w.kit().workspaces().get(w.lead(), w.ws().id());
        w.kit().workspaces().archive(w.lead(), w.ws().id(), current.version());

        assertThatThrownBy(() -> post(w.lead(), general, "hi")).isInstanceOf(ArchivedException.class);
        assertThat(messages(w.client(), general)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ edit and delete

    @Test
    void editingKeepsThePreviousBodyForTheTeam() {
        Message m = post(w.client(), general().id(), "first");

        Message edited = w.kit().conversations().edit(w.client(), w.ws().id(), m.id(), "second", m.version());

        assertThat(edited.body()).isEqualTo("second");
        assertThat(edited.editedAt()).isPresent();
        assertThat(w.kit().conversations().revisions(w.lead(), w.ws().id(), m.id()))
                .singleElement().satisfies(r -> {
                    assertThat(r.body()).isEqualTo("first");
                    assertThat(r.revision()).isEqualTo(1);
                    assertThat(r.editedBy()).isEqualTo(w.client().userId());
                });
        assertThatThrownBy(() -> w.kit().conversations().revisions(w.client(), w.ws().id(), m.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheAuthorEdits() {
        Message m = post(w.client(), general().id(), "mine");

        assertThatThrownBy(() -> w.kit().conversations().edit(w.lead(), w.ws().id(), m.id(), "yours", m.version()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void ofTwoEditsAtTheSameVersionExactlyOneWins() {
        Message m = post(w.client(), general().id(), "draft");
        List<Throwable> failures = new ArrayList<>();
        int wins = 0;
        for (String body : List.of("one", "two")) {
            try {
                w.kit().conversations().edit(w.client(), w.ws().id(), m.id(), body, m.version());
                wins++;
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }

        assertThat(wins).isEqualTo(1);
        assertThat(failures).singleElement().satisfies(e -> assertConflict(
                io.clientworkspace.ConflictException.Reason.STALE_VERSION, e));
        assertThat(w.kit().conversations().revisions(w.lead(), w.ws().id(), m.id())).hasSize(1);
    }

    @Test
    void ofEightConcurrentEditsAtTheSameVersionExactlyOneWins() {
        Message m = post(w.client(), general().id(), "draft");

        Concurrently.Outcomes<Message> outcomes = Concurrently.run(i ->
                w.kit().conversations().edit(w.client(), w.ws().id(), m.id(), "edit " + i, m.version()));

        assertThat(outcomes.successes()).hasSize(1);
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(e -> assertConflict(io.clientworkspace.ConflictException.Reason.STALE_VERSION, e));
        assertThat(w.kit().conversations().revisions(w.lead(), w.ws().id(), m.id())).hasSize(1);
        assertThat(messages(w.lead(), general().id())).singleElement().extracting(Message::body)
                .isEqualTo(outcomes.successes().get(0).body());
    }

    @Test
    void eightConcurrentFirstMarksOfOneConversationAllSucceed() {
        ConversationId general = general().id();
        Message m = post(w.lead(), general, "hello");

        Concurrently.Outcomes<io.clientworkspace.message.ReadMarker> outcomes = Concurrently.run(i ->
                w.kit().conversations().markRead(w.client(), w.ws().id(), general, m.id()));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).hasSize(Concurrently.THREADS)
                .allSatisfy(marker -> assertThat(marker.lastRead()).isEqualTo(m.id()));
        assertThat(w.kit().conversations().unread(w.client(), w.ws().id(), general)).isZero();
    }

    @Test
    void eightConcurrentFirstUsesOfAnItemConversationCreateExactlyOne() {
        FileId file = upload(w.lead(), NewUpload.of("brief.txt", "text/plain"));
        ItemRef item = new ItemRef(ItemType.FILE, file.value());

        Concurrently.Outcomes<Conversation> outcomes = Concurrently.run(i ->
                w.kit().conversations().forItem(i % 2 == 0 ? w.lead() : w.tom(), w.ws().id(), item));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).extracting(Conversation::id).containsOnly(outcomes.successes().get(0).id());
        assertThat(w.kit().conversations().list(w.lead(), w.ws().id(), PageRequest.first(50)).items())
                .filteredOn(c -> c.kind() == ConversationKind.ITEM).hasSize(1);
    }

    @Test
    void ofEightConcurrentFirstUsesOfAnItemConversationExactlyOneSaysItCreatedIt() {
        FileId file = upload(w.lead(), NewUpload.of("brief.txt", "text/plain"));
        ItemRef item = new ItemRef(ItemType.FILE, file.value());

        Concurrently.Outcomes<io.clientworkspace.message.ConversationService.ItemConversation> outcomes = Concurrently.run(i ->
                w.kit().conversations().openItem(i % 2 == 0 ? w.lead() : w.tom(), w.ws().id(), item));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).filteredOn(o -> o.created()).hasSize(1);
        assertThat(w.kit().conversations().openItem(w.lead(), w.ws().id(), item).created()).isFalse();
    }

    @Test
    void concurrentMarksOfAnOlderAndANewerMessageAlwaysEndAtTheNewer() {
        for (int round = 0; round < 4; round++) {
            ConversationId topic = w.kit().conversations().startTopic(w.lead(), w.ws().id(), "Round " + round,
                    Visibility.CLIENT).id();
            List<Message> posted = IntStream.rangeClosed(1, 10).mapToObj(i -> post(w.lead(), topic, "m" + i)).toList();
            MessageId m5 = posted.get(4).id();
            MessageId m10 = posted.get(9).id();
            List<Integer> order = new ArrayList<>(IntStream.range(0, Concurrently.THREADS).boxed().toList());
            java.util.Collections.shuffle(order);

            Concurrently.Outcomes<io.clientworkspace.message.ReadMarker> outcomes = Concurrently.run(i ->
                    w.kit().conversations().markRead(w.client(), w.ws().id(), topic, order.get(i) % 2 == 0 ? m10 : m5));

            assertThat(outcomes.failures()).isEmpty();
            assertThat(w.kit().conversations().markRead(w.client(), w.ws().id(), topic, posted.get(0).id()).lastRead())
                    .isEqualTo(m10);
            assertThat(w.kit().conversations().unread(w.client(), w.ws().id(), topic)).isZero();
        }
    }

    @Test
    void eightConcurrentFirstUsesOfTheGeneralConversationCreateExactlyOne() {
        Concurrently.Outcomes<Conversation> outcomes = Concurrently.run(i ->
                w.kit().conversations().general(i % 2 == 0 ? w.client() : w.tom(), w.ws().id()));

        assertThat(outcomes.failures()).isEmpty();
        assertThat(outcomes.successes()).extracting(Conversation::id).containsOnly(outcomes.successes().get(0).id());
        assertThat(w.kit().conversations().list(w.lead(), w.ws().id(), PageRequest.first(50)).items()).hasSize(1);
    }

    @Test
    void aRefusedPostChangesNothing() {
        ConversationId general = general().id();
        Conversation before = general();
        long entries = w.kit().activity().feed(w.lead(), w.ws().id(), PageRequest.first(500)).items().size();

        Throwable thrown = catchThrowable(() -> post(w.lead(), general, new NewMessage("hi", Visibility.TEAM, List.of(),
                List.of(w.tom().userId(), w.client().userId()))));

        assertThat(thrown).isInstanceOf(ValidationException.class);
        assertThat(messages(w.lead(), general)).isEmpty();
        assertThat(general()).isEqualTo(before);
        assertThat(w.kit().activity().feed(w.lead(), w.ws().id(), PageRequest.first(500)).items()).hasSize((int) entries);
        assertThat(w.kit().conversations().unreadInWorkspace(w.tom(), w.ws().id())).isZero();
    }

    @Test
    void deletingLeavesATombstone() {
        Message m = post(w.client(), general().id(), "oops");

        Message tombstone = w.kit().conversations().delete(w.client(), w.ws().id(), m.id(), m.version());

        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.body()).isEmpty();
        assertThat(tombstone.deletedBy()).contains(w.client().userId());
        assertThat(messages(w.client(), general().id())).singleElement().extracting(Message::deleted).isEqualTo(true);
    }

    @Test
    void aLeadMayDeleteAClientsMessageButAnotherClientMayNot() {
        Message m = post(w.client(), general().id(), "spam");

        assertThatThrownBy(() -> w.kit().conversations().delete(w.viewer(), w.ws().id(), m.id(), m.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(w.kit().conversations().delete(w.lead(), w.ws().id(), m.id(), m.version()).deleted()).isTrue();
    }

    @Test
    void aDeletedMessageCannotBeEdited() {
        Message m = post(w.client(), general().id(), "gone");
        Message tombstone = w.kit().conversations().delete(w.client(), w.ws().id(), m.id(), m.version());

        assertConflict(io.clientworkspace.ConflictException.Reason.INVALID_STATE, () -> w.kit().conversations()
                .edit(w.client(), w.ws().id(), m.id(), "back", tombstone.version()));
    }

    @Test
    void aClientEditingAnInternalNoteByIdGetsNotFound() {
        Message note = post(w.lead(), general().id(), NewMessage.note("internal"));

        assertThatThrownBy(() -> w.kit().conversations().edit(w.client(), w.ws().id(), note.id(), "x", 0))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.kit().conversations().delete(w.client(), w.ws().id(), note.id(), 0))
                .isInstanceOf(NotFoundException.class);
    }

    // ------------------------------------------------------------------------------------------ paging and polling

    @Test
    void messagesPageNewestFirstAndPollingReturnsOldestFirstAfterTheMarker() {
        ConversationId general = general().id();
        List<Message> posted = IntStream.range(0, 5).mapToObj(i -> post(w.client(), general, "m" + i)).toList();

        var first = w.kit().conversations().messages(w.lead(), w.ws().id(), general, PageRequest.first(3));
        var second = w.kit().conversations().messages(w.lead(), w.ws().id(), general,
                PageRequest.after(first.nextCursor().orElseThrow(), 3));

        assertThat(first.items()).extracting(Message::body).containsExactly("m4", "m3", "m2");
        assertThat(second.items()).extracting(Message::body).containsExactly("m1", "m0");
        assertThat(second.nextCursor()).isEmpty();
        assertThat(w.kit().conversations().since(w.lead(), w.ws().id(), general, Optional.of(posted.get(2).id()), 10))
                .extracting(Message::body).containsExactly("m3", "m4");
    }

    /**
     * Ids laid out like {@link IdGenerator#timeOrdered}'s, but each one a millisecond before the previous one: a
     * node whose clock is behind, or two nodes in the same millisecond.
     */
    private static IdGenerator backwards() {
        AtomicLong n = new AtomicLong();
        long start = Instant.parse("2031-03-01T09:00:00Z").toEpochMilli();
        return () -> {
            long i = n.incrementAndGet();
            return new java.util.UUID(((start - i) << 16) | 0x7000L, 0x8000000000000000L | i).toString();
        };
    }

    @Test
    void messagesPostedInOrderPageAndPollInThatOrderEvenWhenFreshIdsGoBackwards() {
        w = world("B", new TickingClock(), backwards());
        ConversationId general = general().id();
        List<Message> posted = IntStream.range(0, 5).mapToObj(i -> post(w.client(), general, "m" + i)).toList();

        assertThat(posted).extracting(Message::id).isSorted().doesNotHaveDuplicates();
        assertThat(messages(w.lead(), general)).extracting(Message::body).containsExactly("m4", "m3", "m2", "m1", "m0");
        assertThat(w.kit().conversations().since(w.lead(), w.ws().id(), general, Optional.of(posted.get(1).id()), 10))
                .extracting(Message::body).containsExactly("m2", "m3", "m4");
    }

    @Test
    void unreadCountsFollowPostingOrderEvenWhenFreshIdsGoBackwards() {
        w = world("B", new TickingClock(), backwards());
        ConversationId general = general().id();
        List<Message> posted = IntStream.range(0, 5).mapToObj(i -> post(w.lead(), general, "m" + i)).toList();

        w.kit().conversations().markRead(w.client(), w.ws().id(), general, posted.get(1).id());

        assertThat(w.kit().conversations().unread(w.client(), w.ws().id(), general)).isEqualTo(3);
    }

    @Test
    void aForgedCursorIsRefused() {
        assertThat(fields(catchThrowable(() -> w.kit().conversations().messages(w.lead(), w.ws().id(), general().id(),
                PageRequest.after("bm90LWEtY3Vyc29y", 10))))).containsExactly("cursor");
        assertThat(fields(catchThrowable(() -> w.kit().conversations().list(w.lead(), w.ws().id(),
                PageRequest.after("bm90LWEtY3Vyc29y", 10))))).containsExactly("cursor");
    }

    // ------------------------------------------------------------------------------------------ read markers

    @Test
    void unreadCountsOthersMessagesAfterTheReadMarker() {
        ConversationId general = general().id();
        post(w.lead(), general, "one");
        Message two = post(w.lead(), general, "two");
        post(w.lead(), general, "three");
        post(w.client(), general, "my own");

        assertThat(w.kit().conversations().unread(w.client(), w.ws().id(), general)).isEqualTo(3);
        w.kit().conversations().markRead(w.client(), w.ws().id(), general, two.id());
        assertThat(w.kit().conversations().unread(w.client(), w.ws().id(), general)).isEqualTo(1);
    }

    @Test
    void theReadMarkerNeverMovesBack() {
        ConversationId general = general().id();
        Message one = post(w.lead(), general, "one");
        Message two = post(w.lead(), general, "two");
        w.kit().conversations().markRead(w.client(), w.ws().id(), general, two.id());

        assertThat(w.kit().conversations().markRead(w.client(), w.ws().id(), general, one.id()).lastRead())
                .isEqualTo(two.id());
        assertThat(w.kit().conversations().unread(w.client(), w.ws().id(), general)).isZero();
    }

    @Test
    void aClientCannotMarkAnInternalNoteRead() {
        ConversationId general = general().id();
        Message note = post(w.lead(), general, NewMessage.note("internal"));

        assertThatThrownBy(() -> w.kit().conversations().markRead(w.client(), w.ws().id(), general, note.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void unreadCountsIgnoreInternalNotesForClientsButNotForTheTeam() {
        ConversationId general = general().id();
        post(w.lead(), general, "open");
        post(w.lead(), general, NewMessage.note("internal"));
        post(w.lead(), teamTopic().id(), "internal topic");

        assertThat(w.kit().conversations().unreadInWorkspace(w.client(), w.ws().id())).isEqualTo(1);
        assertThat(w.kit().conversations().unreadInWorkspace(w.tom(), w.ws().id())).isEqualTo(3);
    }

    @Test
    void unreadAcrossWorkspacesCountsEachWorkspaceOfTheActor() {
        Workspace second = w.kit().workspaces().create(w.lead(), NewWorkspace.of("Beta", "beta"));
        w.kit().members().add(w.lead(), second.id(), w.client().userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        post(w.lead(), general().id(), "hello acme");
        Conversation betaGeneral = w.kit().conversations().general(w.lead(), second.id());
        w.kit().conversations().post(w.lead(), second.id(), betaGeneral.id(), NewMessage.of("hello beta"));
        w.kit().conversations().post(w.lead(), second.id(), betaGeneral.id(), NewMessage.of("again"));
        w.kit().conversations().post(w.lead(), second.id(), betaGeneral.id(), NewMessage.note("internal"));

        assertThat(w.kit().conversations().unreadAcrossWorkspaces(w.client()))
                .isEqualTo(Map.of(w.ws().id(), 1L, second.id(), 2L));
    }

    // ------------------------------------------------------------------------------------------ non-interference

    // ------------------------------------------------------------------------------------------ a request's conversation

    private ClientRequest request(String title) {
        return w.kit().requests().submit(w.client(), w.ws().id(), NewRequest.of(title, "please"));
    }

    private ClientRequest reread(ClientRequest r) {
        return w.kit().requests().get(w.lead(), w.ws().id(), r.id());
    }

    @Test
    void eachRequestHasItsOwnClientVisibleConversationOpenedWithIt() {
        ClientRequest r = request("New logo");

        Conversation thread = w.kit().conversations().forRequest(w.client(), w.ws().id(), r.id());

        assertThat(thread.kind()).isEqualTo(ConversationKind.ITEM);
        assertThat(thread.item()).contains(new ItemRef(ItemType.REQUEST, r.id().value()));
        assertThat(thread.title()).isEqualTo("New logo");
        assertThat(thread.visibility()).isEqualTo(Visibility.CLIENT);
        assertThat(thread.createdBy()).isEqualTo(w.client().userId());
        assertThat(thread.createdAt()).isEqualTo(r.submittedAt());
        assertThat(w.kit().conversations().forItem(w.lead(), w.ws().id(), new ItemRef(ItemType.REQUEST, r.id().value())))
                .isEqualTo(thread);
        assertThat(w.kit().conversations().list(w.viewer(), w.ws().id(), PageRequest.first(50)).items())
                .extracting(Conversation::id).contains(thread.id());
    }

    @Test
    void theConversationOfAnUnknownRequestOrOneOfAnotherWorkspaceIsNotFound() {
        Workspace other = w.kit().workspaces().create(w.lead(), NewWorkspace.of("Globex", "globex"));
        w.kit().members().add(w.lead(), other.id(), w.client().userId(), WorkspaceRole.CLIENT_CONTRIBUTOR);
        ClientRequest elsewhere = w.kit().requests().submit(w.client(), other.id(), NewRequest.of("Elsewhere", ""));

        assertThatThrownBy(() -> w.kit().conversations().forRequest(w.client(), w.ws().id(), elsewhere.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.kit().conversations().forRequest(w.lead(), w.ws().id(), RequestId.of("nope")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> w.kit().conversations().forItem(w.client(), w.ws().id(),
                new ItemRef(ItemType.REQUEST, "no such request"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theFirstClientVisibleTeamMessageInARequestsConversationRecordsTheFirstResponse() {
        ClientRequest r = request("New logo");
        ConversationId thread = w.kit().conversations().forRequest(w.lead(), w.ws().id(), r.id()).id();
        post(w.client(), thread, "any news?");
        assertThat(reread(r).firstResponseAt()).isEmpty();

        Message answer = post(w.tom(), thread, "on it");
        post(w.lead(), thread, "draft attached tomorrow");

        assertThat(reread(r).firstResponseAt()).contains(answer.createdAt());
    }

    @Test
    void anInternalNoteInARequestsConversationIsNoResponseAndChangesNothingAClientSeesOfTheRequest() {
        ClientRequest r = request("New logo");
        ConversationId thread = w.kit().conversations().forRequest(w.lead(), w.ws().id(), r.id()).id();

        post(w.tom(), thread, NewMessage.note("they asked for this last year too"));

        assertThat(w.kit().requests().get(w.client(), w.ws().id(), r.id())).isEqualTo(r);
    }

    @Test
    void aClientsMessageAnswersARequestWaitingOnTheClient() {
        ClientRequest r = request("New logo");
        ClientRequest waiting = w.kit().requests().changeStatus(w.lead(), w.ws().id(), r.id(),
                RequestStatus.WAITING_ON_CLIENT, Optional.empty(), r.version());
        ConversationId thread = w.kit().conversations().forRequest(w.client(), w.ws().id(), r.id()).id();

        post(w.client(), thread, "here is the brand book");

        ClientRequest answered = reread(r);
        assertThat(answered.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(answered.firstResponseAt()).isEqualTo(waiting.firstResponseAt());
        ActivityEntry head = w.kit().activity().feed(w.client(), w.ws().id(), PageRequest.first(1)).items().get(0);
        assertThat(head.action()).isEqualTo("request.status-changed");
        assertThat(head.actorId()).isEqualTo(w.client().userId());
    }

    @Test
    void aTeamMessageLeavesARequestWaitingOnTheClientWaiting() {
        ClientRequest r = request("New logo");
        w.kit().requests().changeStatus(w.lead(), w.ws().id(), r.id(), RequestStatus.WAITING_ON_CLIENT,
                Optional.empty(), r.version());
        ConversationId thread = w.kit().conversations().forRequest(w.lead(), w.ws().id(), r.id()).id();

        post(w.lead(), thread, "reminder: we need the brand book");

        assertThat(reread(r).status()).isEqualTo(RequestStatus.WAITING_ON_CLIENT);
    }

    @Test
    void clientsSeeTheRequestsClientVisibleMessagesAndStatusChangesButNeverItsInternalNotes() {
        ClientRequest r = request("New logo");
        ConversationId thread = w.kit().conversations().forRequest(w.lead(), w.ws().id(), r.id()).id();
        post(w.lead(), thread, "on it");
        post(w.tom(), thread, NewMessage.note("budget is tight"));
        w.kit().requests().changeStatus(w.lead(), w.ws().id(), r.id(), RequestStatus.DONE, Optional.empty(),
                reread(r).version());

        assertThat(messages(w.viewer(), thread)).extracting(Message::body).containsExactly("on it");
        assertThat(messages(w.lead(), thread)).extracting(Message::body).containsExactly("budget is tight", "on it");
        assertThat(w.kit().requests().get(w.viewer(), w.ws().id(), r.id()).status()).isEqualTo(RequestStatus.DONE);
        assertThat(w.kit().activity().feed(w.viewer(), w.ws().id(), PageRequest.first(50)).items())
                .extracting(ActivityEntry::action).containsOnlyOnce("request.status-changed", "message.posted");
    }

    @Test
    void aClientsAnswersAreTheSameWhetherOrNotInternalNotesAndConversationsExist() {
        TickingClock plainClock = new TickingClock();
        plainClock.pin(Instant.parse("2031-03-01T09:00:00Z"));
        TickingClock mixedClock = new TickingClock();
        mixedClock.pin(Instant.parse("2031-03-01T09:00:00Z"));
        World plain = world("P", plainClock);
        World mixed = world("M", mixedClock);
        Transcript plainAnswers = Transcript.matchingIds(IDS);
        Transcript mixedAnswers = Transcript.matchingIds(IDS);

        for (boolean internal : List.of(false, true)) {
            World x = internal ? mixed : plain;
            Transcript t = internal ? mixedAnswers : plainAnswers;
            for (Actor a : List.of(x.lead(), x.tom(), x.client(), x.viewer())) {
                t.alias(a.userId().value(), a.userId().value().substring(0, a.userId().value().length() - 1));
            }
            var c = x.kit().conversations();
            var ws = x.ws().id();
            if (internal) {
                // The team uses General first, with an internal note, before any client looks.
                c.post(x.lead(), ws, c.general(x.lead(), ws).id(), NewMessage.note("first look"));
                c.startTopic(x.tom(), ws, "Margins", Visibility.TEAM);
            }
            x.step(1);
            ConversationId general = c.general(x.lead(), ws).id();
            x.step(2);
            Conversation topic = c.startTopic(x.lead(), ws, "Launch", Visibility.CLIENT);
            x.step(3);
            Message hello = c.post(x.lead(), ws, general, NewMessage.of("hello"));
            if (internal) {
                c.post(x.tom(), ws, general, NewMessage.note("they will ask for a discount"));
                c.post(x.tom(), ws, topic.id(), new NewMessage("ping", Visibility.TEAM, List.of(),
                        List.of(x.lead().userId())));
            }
            x.step(4);
            Message question = c.post(x.client(), ws, general, NewMessage.of("when is launch?"));
            if (internal) {
                c.post(x.lead(), ws, general, NewMessage.note("stall"));
                Message note = c.post(x.lead(), ws, topic.id(), NewMessage.note("draft"));
                c.edit(x.lead(), ws, note.id(), "draft 2", note.version());
            }
            x.step(5);
            c.post(x.lead(), ws, topic.id(), NewMessage.of("launch on Monday"));
            x.step(6);
            c.edit(x.client(), ws, question.id(), "when is the launch?", question.version());
            if (internal) {
                // The newest messages are internal: a client must still see the last client-visible times.
                x.step(7);
                c.post(x.tom(), ws, general, NewMessage.note("after the client"));
                c.post(x.tom(), ws, topic.id(), NewMessage.note("after the client"));
            }
            x.step(8);
            for (Actor a : List.of(x.client(), x.viewer())) {
                t.call("list", () -> c.list(a, ws, PageRequest.first(1)));
                t.call("list all", () -> c.list(a, ws, PageRequest.first(50)));
                t.call("general", () -> c.general(a, ws));
                t.call("messages", () -> c.messages(a, ws, general, PageRequest.first(1)));
                t.call("messages all", () -> c.messages(a, ws, general, PageRequest.first(50)));
                t.call("since", () -> c.since(a, ws, general, Optional.of(hello.id()), 50));
                t.call("unread general", () -> c.unread(a, ws, general));
                t.call("unread topic", () -> c.unread(a, ws, topic.id()));
                t.call("unread workspace", () -> c.unreadInWorkspace(a, ws));
                t.call("unread everywhere", () -> c.unreadAcrossWorkspaces(a));
                t.call("mention tom in a note", () -> c.post(a, ws, general, new NewMessage("x", Visibility.TEAM,
                        List.of(), List.of(x.tom().userId()))));
                t.call("empty body", () -> c.post(a, ws, general, NewMessage.of(" ")));
            }
            t.call("mark read", () -> c.markRead(x.client(), ws, general, hello.id()));
            t.call("unread after marking", () -> c.unread(x.client(), ws, general));
            t.call("unread everywhere after marking", () -> c.unreadAcrossWorkspaces(x.client()));
        }

        Transcript.assertSameAnswers("conversations", plainAnswers, mixedAnswers);
    }

    @Test
    void aClientsAnswersAboutRequestsTheirConversationsAndFormAssignmentsAreTheSameWhetherOrNotInternalItemsExist() {
        TickingClock plainClock = new TickingClock();
        plainClock.pin(Instant.parse("2031-03-01T09:00:00Z"));
        TickingClock mixedClock = new TickingClock();
        mixedClock.pin(Instant.parse("2031-03-01T09:00:00Z"));
        World plain = world("P", plainClock);
        World mixed = world("M", mixedClock);
        Transcript plainAnswers = Transcript.matchingIds(IDS);
        Transcript mixedAnswers = Transcript.matchingIds(IDS);

        for (boolean internal : List.of(false, true)) {
            World x = internal ? mixed : plain;
            Transcript t = internal ? mixedAnswers : plainAnswers;
            for (Actor a : List.of(x.lead(), x.tom(), x.client(), x.viewer())) {
                t.alias(a.userId().value(), a.userId().value().substring(0, a.userId().value().length() - 1));
            }
            var c = x.kit().conversations();
            var r = x.kit().requests();
            var f = x.kit().forms();
            var ws = x.ws().id();
            FormDefinition form = f.define(x.lead(), Optional.empty(), new NewForm("brand", "Brand questionnaire",
                    List.of(new FormField.ShortText("tone", "Tone of voice", "", true, 200, Optional.empty()))));
            if (internal) {
                c.startTopic(x.tom(), ws, "Margins", Visibility.TEAM);
                c.post(x.lead(), ws, c.general(x.lead(), ws).id(), NewMessage.note("first look"));
            }
            x.step(1);
            ClientRequest logo = r.submit(x.client(), ws, NewRequest.of("New logo", "a fresh one"));
            x.step(2);
            ClientRequest copy = r.submit(x.client(), ws, NewRequest.of("Website copy", ""));
            ConversationId logoThread = c.forRequest(x.lead(), ws, logo.id()).id();
            ConversationId copyThread = c.forRequest(x.lead(), ws, copy.id()).id();
            if (internal) {
                // The team talks about the requests before answering: notes, a mention, an edited note.
                c.post(x.tom(), ws, logoThread, NewMessage.note("they asked for this last year too"));
                Message note = c.post(x.lead(), ws, copyThread, new NewMessage("who writes this?", Visibility.TEAM,
                        List.of(), List.of(x.tom().userId())));
                c.edit(x.lead(), ws, note.id(), "who writes this? tom?", note.version());
            }
            x.step(3);
            c.post(x.lead(), ws, logoThread, NewMessage.of("on it"));
            x.step(4);
            r.changeStatus(x.lead(), ws, copy.id(), RequestStatus.WAITING_ON_CLIENT, Optional.empty(),
                    r.get(x.lead(), ws, copy.id()).version());
            if (internal) {
                c.post(x.tom(), ws, copyThread, NewMessage.note("waiting for their brand book"));
            }
            x.step(5);
            Message answer = c.post(x.client(), ws, copyThread, NewMessage.of("brand book attached soon"));
            FormAssignment assignment = f.assign(x.lead(), ws, form.id(), "Brand questionnaire", Optional.empty());
            x.step(6);
            f.saveDraft(x.client(), ws, assignment.id(), FormAnswers.empty().with("tone", new AnswerValue.Text("warm")),
                    assignment.version());
            if (internal) {
                // The newest messages of both request conversations are internal.
                x.step(7);
                c.post(x.tom(), ws, logoThread, NewMessage.note("after the client"));
                c.post(x.tom(), ws, copyThread, NewMessage.note("after the client"));
            }
            x.step(8);
            for (Actor a : List.of(x.client(), x.viewer())) {
                t.call("requests page", () -> r.list(a, ws, Set.of(), PageRequest.first(1)));
                t.call("requests all", () -> r.list(a, ws, Set.of(), PageRequest.first(50)));
                t.call("open requests", () -> r.list(a, ws, Set.of(RequestStatus.IN_PROGRESS, RequestStatus.SUBMITTED),
                        PageRequest.first(50)));
                t.call("logo", () -> r.get(a, ws, logo.id()));
                t.call("copy", () -> r.get(a, ws, copy.id()));
                t.call("inbox", () -> r.inbox(a, InboxFilter.open(), PageRequest.first(50)));
                t.call("logo thread", () -> c.forRequest(a, ws, logo.id()));
                t.call("copy thread", () -> c.forItem(a, ws, new ItemRef(ItemType.REQUEST, copy.id().value())));
                t.call("unknown request's thread", () -> c.forRequest(a, ws, RequestId.of("cidZ000000001")));
                t.call("conversations", () -> c.list(a, ws, PageRequest.first(1)));
                t.call("conversations all", () -> c.list(a, ws, PageRequest.first(50)));
                for (ConversationId thread : List.of(logoThread, copyThread)) {
                    t.call("messages", () -> c.messages(a, ws, thread, PageRequest.first(1)));
                    t.call("messages all", () -> c.messages(a, ws, thread, PageRequest.first(50)));
                    t.call("since", () -> c.since(a, ws, thread, Optional.empty(), 50));
                    t.call("unread", () -> c.unread(a, ws, thread));
                }
                t.call("unread workspace", () -> c.unreadInWorkspace(a, ws));
                t.call("unread everywhere", () -> c.unreadAcrossWorkspaces(a));
                t.call("assignments", () -> f.assignments(a, ws, Optional.empty(), PageRequest.first(50)));
                t.call("assignment", () -> f.getAssignment(a, ws, assignment.id()));
                t.call("close a request", () -> r.changeStatus(a, ws, logo.id(), RequestStatus.DONE, Optional.empty(),
                        r.get(a, ws, logo.id()).version()));
                t.call("reopen an open request", () -> r.reopen(a, ws, logo.id(), r.get(a, ws, logo.id()).version()));
                t.call("stale answer", () -> r.changeStatus(a, ws, copy.id(), RequestStatus.IN_PROGRESS,
                        Optional.empty(), 0));
                t.call("note in a request's thread", () -> c.post(a, ws, logoThread, NewMessage.note("x")));
            }
            t.call("mark read", () -> c.markRead(x.client(), ws, copyThread, answer.id()));
            t.call("unread after marking", () -> c.unread(x.client(), ws, logoThread));
            t.call("answering again", () -> c.post(x.client(), ws, logoThread, NewMessage.of("thanks")));
            t.call("logo after the answer", () -> r.get(x.client(), ws, logo.id()));
            t.call("submitting the assignment", () -> f.submitAssignment(x.client(), ws, assignment.id(),
                    FormAnswers.empty().with("tone", new AnswerValue.Text("warm")),
                    f.getAssignment(x.client(), ws, assignment.id()).version()));
            t.call("requests after submitting", () -> r.list(x.client(), ws, Set.of(), PageRequest.first(50)));
        }

        Transcript.assertSameAnswers("requests", plainAnswers, mixedAnswers);
    }
}
