package io.clientworkspace.tck;

import io.clientworkspace.UserId;
import io.clientworkspace.message.ReadMarker;
import io.clientworkspace.spi.ReadMarkerStore;
import io.clientworkspace.workspace.Workspace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link ReadMarkerStore}: one marker per user and conversation, moved forward by each save of a
 * later message and never back, scoped by tenant and workspace. Extend it and implement {@link #createStores()}.
 */
public abstract class ReadMarkerStoreContract extends StoreContractSupport {

    /** Ids with the counters of {@link #data}. */
    protected final ConversationTestData conversationData = new ConversationTestData(data);

    private ReadMarkerStore markers() {
        return stores().require(ReadMarkerStore.class);
    }

    private ReadMarker marker(Workspace workspace, UserId user, io.clientworkspace.ConversationId conversation) {
        return new ReadMarker(workspace.tenantId(), workspace.id(), user, conversation, conversationData.messageId(),
                data.instant());
    }

    @Test
    void aSavedMarkerIsFound() {
        Workspace workspace = storedWorkspace();
        ReadMarker marker = marker(workspace, data.userId(), conversationData.conversationId());

        inUnitOfWork(() -> markers().save(marker));

        assertThat(markers().find(workspace.tenantId(), workspace.id(), marker.userId(), marker.conversationId()))
                .contains(marker);
    }

    @Test
    void savingAgainReplacesTheMarker() {
        Workspace workspace = storedWorkspace();
        ReadMarker first = marker(workspace, data.userId(), conversationData.conversationId());
        ReadMarker second = marker(workspace, first.userId(), first.conversationId());

        inUnitOfWork(() -> markers().save(first));
        inUnitOfWork(() -> markers().save(second));

        assertThat(markers().find(workspace.tenantId(), workspace.id(), first.userId(), first.conversationId()))
                .contains(second);
    }

    @Test
    void savingAnOlderMarkerKeepsTheStoredOneAndAnswersIt() {
        Workspace workspace = storedWorkspace();
        ReadMarker older = marker(workspace, data.userId(), conversationData.conversationId());
        ReadMarker newer = marker(workspace, older.userId(), older.conversationId());
        inUnitOfWork(() -> markers().save(newer));

        ReadMarker stored = inUnitOfWork(() -> markers().save(older));

        assertThat(stored).isEqualTo(newer);
        assertThat(markers().find(workspace.tenantId(), workspace.id(), older.userId(), older.conversationId()))
                .contains(newer);
    }

    @Test
    void savingTheSameMarkerAgainAnswersTheStoredOne() {
        Workspace workspace = storedWorkspace();
        ReadMarker first = marker(workspace, data.userId(), conversationData.conversationId());
        ReadMarker again = new ReadMarker(first.tenantId(), first.workspaceId(), first.userId(), first.conversationId(),
                first.lastRead(), data.instant());
        inUnitOfWork(() -> markers().save(first));

        assertThat(inUnitOfWork(() -> markers().save(again))).isEqualTo(first);
    }

    @Test
    void markersAreKeptPerUserAndConversationAndScopedByTenantAndWorkspace() {
        Workspace workspace = storedWorkspace();
        Workspace other = storedWorkspace();
        ReadMarker marker = marker(workspace, data.userId(), conversationData.conversationId());
        inUnitOfWork(() -> markers().save(marker));

        assertThat(markers().find(workspace.tenantId(), workspace.id(), data.userId(), marker.conversationId())).isEmpty();
        assertThat(markers().find(workspace.tenantId(), workspace.id(), marker.userId(),
                conversationData.conversationId())).isEmpty();
        assertThat(markers().find(other.tenantId(), workspace.id(), marker.userId(), marker.conversationId())).isEmpty();
        assertThat(markers().find(workspace.tenantId(), other.id(), marker.userId(), marker.conversationId())).isEmpty();
    }

    @Test
    void aSaveRolledBackWithItsUnitOfWorkLeavesNoMarker() {
        Workspace workspace = storedWorkspace();
        ReadMarker marker = marker(workspace, data.userId(), conversationData.conversationId());

        try {
            runInUnitOfWork(() -> {
                markers().save(marker);
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the unit of work rolled back
        }

        assertThat(markers().find(workspace.tenantId(), workspace.id(), marker.userId(), marker.conversationId())).isEmpty();
    }
}
