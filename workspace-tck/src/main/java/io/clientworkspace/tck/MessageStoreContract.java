package io.clientworkspace.tck;

import io.clientworkspace.MessageId;
import io.clientworkspace.UserId;
import io.clientworkspace.WorkspaceId;
import io.clientworkspace.activity.Visibility;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.Message;
import io.clientworkspace.message.MessageRevision;
import io.clientworkspace.message.ReadMarker;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.MessageStore;
import io.clientworkspace.spi.ReadMarkerStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link MessageStore}: versions, tenant and workspace scope, newest-first and oldest-first
 * keyset pages that leave out internal notes when asked, the append-only revisions numbered 1, 2, 3..., and
 * unread counts in one call (others' messages after the read marker, not deleted, internal notes only where
 * the user sees them). Extend it and implement {@link #createStores()}.
 */
public abstract class MessageStoreContract extends StoreContractSupport {

    /** Conversations and messages with the ids, users and instants of {@link #data}. */
    protected final ConversationTestData conversationData = new ConversationTestData(data);

    private MessageStore messages() {
        return stores().require(MessageStore.class);
    }

    private Conversation conversation(Workspace workspace) {
        return inUnitOfWork(() -> stores().require(ConversationStore.class)
                .insert(conversationData.topic(workspace, Visibility.CLIENT)));
    }

    private Message insert(Message m) {
        return inUnitOfWork(() -> messages().insert(m));
    }

    private Message posted(Conversation c, UserId author, Visibility visibility) {
        return insert(conversationData.message(c, author, visibility));
    }

    @Test
    void insertStoresVersionZeroAndKeepsEveryField() {
        Conversation c = conversation(storedWorkspace());
        Message m = conversationData.message(c, data.userId(), Visibility.TEAM).withVersion(4);

        Message stored = insert(m);

        assertThat(stored).isEqualTo(m.withVersion(0));
        assertThat(messages().find(c.tenantId(), c.workspaceId(), m.id())).contains(stored);
        assertConflict(ALREADY_EXISTS, () -> insert(m));
    }

    @Test
    void updateNeedsTheStoredVersion() {
        Conversation c = conversation(storedWorkspace());
        Message stored = posted(c, data.userId(), Visibility.CLIENT);

        Message edited = inUnitOfWork(() -> messages().update(stored.edited("new", data.instant())));

        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.body()).isEqualTo("new");
        assertConflict(STALE_VERSION, () -> inUnitOfWork(() -> messages().update(stored.edited("other", data.instant()))));
    }

    @Test
    void everyReadIsScopedByTenantAndWorkspace() {
        Workspace workspace = storedWorkspace();
        Conversation c = conversation(workspace);
        Message m = posted(c, data.userId(), Visibility.CLIENT);
        Workspace other = storedWorkspace();

        assertThat(messages().find(other.tenantId(), workspace.id(), m.id())).isEmpty();
        assertThat(messages().find(workspace.tenantId(), other.id(), m.id())).isEmpty();
        assertThat(messages().listNewestFirst(other.tenantId(), other.id(), c.id(), true, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void pagesGoNewestFirstOrOldestFirstAndLeaveOutInternalNotesWhenAsked() {
        Conversation c = conversation(storedWorkspace());
        UserId author = data.userId();
        Message one = posted(c, author, Visibility.CLIENT);
        Message note = posted(c, author, Visibility.TEAM);
        Message three = posted(c, author, Visibility.CLIENT);

        assertThat(messages().listNewestFirst(c.tenantId(), c.workspaceId(), c.id(), true, Optional.empty(), 10))
                .containsExactly(three, note, one);
        assertThat(messages().listNewestFirst(c.tenantId(), c.workspaceId(), c.id(), false, Optional.of(three.id()), 10))
                .containsExactly(one);
        assertThat(messages().listOldestFirst(c.tenantId(), c.workspaceId(), c.id(), false, Optional.of(one.id()), 10))
                .containsExactly(three);
        assertThat(messages().listOldestFirst(c.tenantId(), c.workspaceId(), c.id(), true, Optional.empty(), 2))
                .containsExactly(one, note);
    }

    @Test
    void revisionsAreAppendedInOrderWithoutGaps() {
        Conversation c = conversation(storedWorkspace());
        Message m = posted(c, data.userId(), Visibility.CLIENT);
        MessageRevision first = new MessageRevision(m.id(), 1, "v1", data.instant(), m.authorId());

        runInUnitOfWork(() -> messages().appendRevision(c.tenantId(), c.workspaceId(), first));

        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() -> messages().appendRevision(c.tenantId(), c.workspaceId(),
                new MessageRevision(m.id(), 1, "again", data.instant(), m.authorId()))));
        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() -> messages().appendRevision(c.tenantId(), c.workspaceId(),
                new MessageRevision(m.id(), 3, "skips", data.instant(), m.authorId()))));
        assertThat(messages().revisions(c.tenantId(), c.workspaceId(), m.id())).containsExactly(first);
    }

    @Test
    void unreadCountsOthersUndeletedMessagesAfterTheMarker() {
        Workspace workspace = storedWorkspace();
        Conversation c = conversation(workspace);
        UserId reader = data.userId();
        UserId other = data.userId();
        Message read = posted(c, other, Visibility.CLIENT);
        posted(c, other, Visibility.CLIENT);
        posted(c, reader, Visibility.CLIENT);
        Message deleted = posted(c, other, Visibility.CLIENT);
        inUnitOfWork(() -> messages().update(deleted.tombstone(other, data.instant())));
        runInUnitOfWork(() -> stores().require(ReadMarkerStore.class).save(new ReadMarker(c.tenantId(), c.workspaceId(),
                reader, c.id(), read.id(), data.instant())));

        assertThat(messages().countUnread(c.tenantId(), reader, Map.of(workspace.id(), true), Optional.empty()))
                .isEqualTo(Map.of(workspace.id(), 1L));
    }

    @Test
    void unreadCountsInternalNotesOnlyWhereTheUserSeesThemAndAnswersEveryWorkspaceAskedFor() {
        Workspace first = storedWorkspace();
        Workspace second = storedWorkspace(stores().tenants().find(first.tenantId()).orElseThrow());
        Workspace empty = storedWorkspace(stores().tenants().find(first.tenantId()).orElseThrow());
        UserId author = data.userId();
        for (Workspace w : List.of(first, second)) {
            Conversation c = conversation(w);
            posted(c, author, Visibility.CLIENT);
            posted(c, author, Visibility.TEAM);
        }
        Map<WorkspaceId, Boolean> sees = Map.of(first.id(), true, second.id(), false, empty.id(), false);

        assertThat(messages().countUnread(first.tenantId(), data.userId(), sees, Optional.empty()))
                .isEqualTo(Map.of(first.id(), 2L, second.id(), 1L, empty.id(), 0L));
    }

    @Test
    void unreadLeavesOutClientMessagesOfAnInternalConversationForUsersWhoDoNotSeeInternalItems() {
        Workspace workspace = storedWorkspace();
        Conversation internal = inUnitOfWork(() -> stores().require(ConversationStore.class)
                .insert(conversationData.topic(workspace, Visibility.TEAM)));
        posted(internal, data.userId(), Visibility.CLIENT);

        assertThat(messages().countUnread(workspace.tenantId(), data.userId(), Map.of(workspace.id(), false),
                Optional.empty())).isEqualTo(Map.of(workspace.id(), 0L));
        assertThat(messages().countUnread(workspace.tenantId(), data.userId(), Map.of(workspace.id(), true),
                Optional.empty())).isEqualTo(Map.of(workspace.id(), 1L));
    }

    @Test
    void unreadForOneConversationCountsOnlyIt() {
        Workspace workspace = storedWorkspace();
        Conversation a = conversation(workspace);
        Conversation b = conversation(workspace);
        posted(a, data.userId(), Visibility.CLIENT);
        posted(b, data.userId(), Visibility.CLIENT);
        posted(b, data.userId(), Visibility.CLIENT);

        assertThat(messages().countUnread(workspace.tenantId(), data.userId(), Map.of(workspace.id(), false),
                Optional.of(b.id()))).isEqualTo(Map.of(workspace.id(), 2L));
    }

    @Test
    void aRevisionOfAnUnknownMessageIsRefused() {
        Workspace workspace = storedWorkspace();
        MessageId unknown = conversationData.messageId();

        assertConflict(STALE_VERSION, () -> runInUnitOfWork(() -> messages().appendRevision(workspace.tenantId(),
                workspace.id(), new MessageRevision(unknown, 1, "x", data.instant(), data.userId()))));
    }
}
