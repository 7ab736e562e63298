package io.clientworkspace.memory;

import io.clientworkspace.spi.ActivityStore;
import io.clientworkspace.spi.ApprovalStore;
import io.clientworkspace.spi.ConversationStore;
import io.clientworkspace.spi.DownloadLogStore;
import io.clientworkspace.spi.FileStore;
import io.clientworkspace.spi.FolderStore;
import io.clientworkspace.spi.FormAssignmentStore;
import io.clientworkspace.spi.FormStore;
import io.clientworkspace.spi.InvitationStore;
import io.clientworkspace.spi.MessageStore;
import io.clientworkspace.spi.MembershipStore;
import io.clientworkspace.spi.PermissionMatrixStore;
import io.clientworkspace.spi.ReadMarkerStore;
import io.clientworkspace.spi.RequestStore;
import io.clientworkspace.spi.Stores;
import io.clientworkspace.spi.TeamStore;
import io.clientworkspace.spi.TenantStore;
import io.clientworkspace.spi.WorkspaceStore;

/** Creates a complete, consistent set of in-memory stores sharing one {@link InMemoryTransactions}. */
public final class InMemoryStores {

    private InMemoryStores() {
    }

    /**
     * A new, empty set of in-memory stores. Its {@link Stores#unitOfWork()} is the
     * {@link InMemoryTransactions} every store of the set writes through, so a caller may wrap it (for
     * example to {@linkplain InMemoryTransactions#begin() span a host's transaction}) with
     * {@link Stores#withUnitOfWork}.
     */
    public static Stores create() {
        return create(InMemoryTransactions.DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * A new, empty set of in-memory stores, as {@link #create()}, whose threads wait for the stores at most
     * {@code lockTimeout} while another thread's unit of work holds them; then the call is refused with an
     * {@link IllegalStateException} naming that thread (see {@link InMemoryTransactions}).
     *
     * @param lockTimeout how long a kit call waits for the stores; positive
     * @throws IllegalArgumentException if {@code lockTimeout} is zero or negative
     */
    public static Stores create(java.time.Duration lockTimeout) {
        InMemoryTransactions tx = new InMemoryTransactions(lockTimeout);
        InMemoryMembershipStore memberships = new InMemoryMembershipStore(tx);
        InMemoryFileStore files = new InMemoryFileStore(tx);
        InMemoryReadMarkerStore readMarkers = new InMemoryReadMarkerStore(tx);
        InMemoryConversationStore conversations = new InMemoryConversationStore(tx);
        InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore(tx, memberships);
        InMemoryProjectStore projects = new InMemoryProjectStore(tx);
        InMemoryTaskListStore taskLists = new InMemoryTaskListStore(tx, projects);
        return Stores.builder(tx)
                .add(TenantStore.class, new InMemoryTenantStore(tx))
                .add(TeamStore.class, new InMemoryTeamStore(tx))
                .add(PermissionMatrixStore.class, new InMemoryPermissionMatrixStore(tx))
                .add(WorkspaceStore.class, workspaces)
                .add(MembershipStore.class, memberships)
                .add(InvitationStore.class, new InMemoryInvitationStore(tx))
                .add(ActivityStore.class, new InMemoryActivityStore(tx))
                .add(FolderStore.class, new InMemoryFolderStore(tx, files))
                .add(FileStore.class, files)
                .add(DownloadLogStore.class, new InMemoryDownloadLogStore(tx))
                .add(ApprovalStore.class, new InMemoryApprovalStore(tx))
                .add(FormStore.class, new InMemoryFormStore(tx))
                .add(RequestStore.class, new InMemoryRequestStore(tx))
                .add(FormAssignmentStore.class, new InMemoryFormAssignmentStore(tx))
                .add(ConversationStore.class, conversations)
                .add(MessageStore.class, new InMemoryMessageStore(tx, readMarkers, conversations))
                .add(ReadMarkerStore.class, readMarkers)
                .add(io.clientworkspace.spi.ReplyTokenStore.class, new InMemoryReplyTokenStore(tx))
                .add(io.clientworkspace.spi.ProjectStore.class, projects)
                .add(io.clientworkspace.spi.MilestoneStore.class, new InMemoryMilestoneStore(tx, projects, workspaces))
                .add(io.clientworkspace.spi.TaskListStore.class, taskLists)
                .add(io.clientworkspace.spi.TaskStore.class, new InMemoryTaskStore(tx, taskLists, workspaces))
                .add(io.clientworkspace.spi.StatusUpdateStore.class, new InMemoryStatusUpdateStore(tx))
                .add(io.clientworkspace.spi.OnboardingStore.class, new InMemoryOnboardingStore(tx))
                .add(io.clientworkspace.spi.ScheduledEventStore.class, new InMemoryScheduledEventStore(tx))
                .add(io.clientworkspace.spi.CalendarFeedTokenStore.class, new InMemoryCalendarFeedTokenStore(tx))
                .add(io.clientworkspace.spi.TemplateStore.class, new InMemoryTemplateStore(tx))
                .add(io.clientworkspace.spi.WorkspaceOriginStore.class, new InMemoryWorkspaceOriginStore(tx))
                .add(io.clientworkspace.spi.LinkedRecordStore.class, new InMemoryLinkedRecordStore(tx))
                .add(io.clientworkspace.spi.ClientRoleStore.class, new InMemoryClientRoleStore(tx))
                .add(io.clientworkspace.spi.NotificationStore.class, new InMemoryNotificationStore(tx))
                .build();
    }
}
