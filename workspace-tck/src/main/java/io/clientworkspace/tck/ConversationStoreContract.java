package io.clientworkspace.tck;

import io.clientworkspace.activity.Visibility;
import io.clientworkspace.message.Conversation;
import io.clientworkspace.message.ItemRef;
import io.clientworkspace.message.ItemType;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.clientworkspace.ConflictException.Reason.ALREADY_EXISTS;
import static io.clientworkspace.ConflictException.Reason.STALE_VERSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link ConversationStore}: versions, one General conversation and one conversation per item
 * per workspace, tenant and workspace scope, activity times that move forward without changing the version,
 * and activity-ordered keyset lists in which internal activity never moves a conversation for clients.
 * Extend it and implement {@link #createStores()}.
 */
public abstract class ConversationStoreContract extends StoreContractSupport {

    /** Conversations with the ids, users and instants of {@link #data}. */
    protected final ConversationTestData conversationData = new ConversationTestData(data);

    private ConversationStore conversations() {
        return stores().require(ConversationStore.class);
    }

    private Conversation insert(Conversation c) {
        return inUnitOfWork(() -> conversations().insert(c));
    }

    private void record(Conversation c, Instant at, Visibility visibility) {
        runInUnitOfWork(() -> conversations().recordMessage(c.tenantId(), c.workspaceId(), c.id(), at, visibility));
    }

    private Conversation reread(Conversation c) {
        return conversations().find(c.tenantId(), c.workspaceId(), c.id()).orElseThrow();
    }

    @Test
    void insertStoresVersionZeroAndKeepsEveryField() {
        Workspace workspace = storedWorkspace();
        Conversation c = conversationData.about(workspace, new ItemRef(ItemType.FILE, "f-1")).withVersion(7);

        Conversation stored = insert(c);

        assertThat(stored).isEqualTo(c.withVersion(0));
        assertThat(reread(stored)).isEqualTo(stored);
    }

    @Test
    void aSecondGeneralConversationInTheSameWorkspaceIsRefused() {
        Workspace workspace = storedWorkspace();
        insert(conversationData.general(workspace));

        assertConflict(ALREADY_EXISTS, () -> insert(conversationData.general(workspace)));
        assertThat(insert(conversationData.general(storedWorkspace()))).isNotNull();
    }

    @Test
    void aSecondConversationAboutTheSameItemIsRefused() {
        Workspace workspace = storedWorkspace();
        ItemRef item = new ItemRef(ItemType.APPROVAL, "a-1");
        Conversation first = insert(conversationData.about(workspace, item));

        assertConflict(ALREADY_EXISTS, () -> insert(conversationData.about(workspace, item)));
        assertThat(conversations().findForItem(workspace.tenantId(), workspace.id(), item)).contains(first);
    }

    @Test
    void updateNeedsTheStoredVersion() {
        Conversation stored = insert(conversationData.topic(storedWorkspace(), Visibility.CLIENT));

        Conversation updated = inUnitOfWork(() -> conversations().update(stored));

        assertThat(updated.version()).isEqualTo(1);
        assertConflict(STALE_VERSION, () -> inUnitOfWork(() -> conversations().update(stored)));
    }

    @Test
    void recordingAMessageMovesTheActivityTimesForwardWithoutChangingTheVersion() {
        Conversation c = insert(conversationData.topic(storedWorkspace(), Visibility.CLIENT));
        Instant open = data.instant();
        Instant note = data.instant();

        record(c, open, Visibility.CLIENT);
        record(c, note, Visibility.TEAM);
        record(c, open.minusSeconds(60), Visibility.CLIENT);

        assertThat(reread(c).lastMessageAt()).contains(note);
        assertThat(reread(c).lastClientMessageAt()).contains(open);
        assertThat(reread(c).version()).isZero();
    }

    @Test
    void everyReadIsScopedByTenantAndWorkspace() {
        Workspace workspace = storedWorkspace();
        Conversation c = insert(conversationData.general(workspace));
        Workspace other = storedWorkspace();

        assertThat(conversations().find(workspace.tenantId(), other.id(), c.id())).isEmpty();
        assertThat(conversations().find(other.tenantId(), workspace.id(), c.id())).isEmpty();
        assertThat(conversations().findGeneral(other.tenantId(), other.id())).isEmpty();
        assertThat(conversations().list(other.tenantId(), other.id(), true, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void theListIsOrderedByActivityAndHidesInternalConversationsAndActivityFromClients() {
        Workspace workspace = storedWorkspace();
        Conversation a = insert(conversationData.topic(workspace, Visibility.CLIENT));
        Conversation b = insert(conversationData.topic(workspace, Visibility.CLIENT));
        Conversation team = insert(conversationData.topic(workspace, Visibility.TEAM));
        record(a, data.instant(), Visibility.TEAM);

        assertThat(conversations().list(workspace.tenantId(), workspace.id(), true, Optional.empty(), 10))
                .extracting(Conversation::id).containsExactly(a.id(), team.id(), b.id());
        assertThat(conversations().list(workspace.tenantId(), workspace.id(), false, Optional.empty(), 10))
                .extracting(Conversation::id).containsExactly(b.id(), a.id());
    }

    @Test
    void keysetPagesCoverEveryConversationOnceEvenWithEqualActivityTimes() {
        Workspace workspace = storedWorkspace();
        Instant same = data.instant();
        List<Conversation> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Conversation c = insert(conversationData.topic(workspace, Visibility.CLIENT));
            record(c, same, Visibility.CLIENT);
            all.add(c);
        }
        List<Conversation> seen = new ArrayList<>();
        Optional<ConversationStore.Position> after = Optional.empty();
        while (true) {
            List<Conversation> page = conversations().list(workspace.tenantId(), workspace.id(), false, after, 3);
            seen.addAll(page);
            if (page.size() < 3) {
                break;
            }
            Conversation last = page.get(page.size() - 1);
            after = Optional.of(new ConversationStore.Position(last.clientActivityAt(), last.id()));
        }

        assertThat(seen).extracting(Conversation::id)
                .containsExactlyElementsOf(all.stream().map(Conversation::id).sorted(java.util.Comparator.reverseOrder()).toList());
    }
}
